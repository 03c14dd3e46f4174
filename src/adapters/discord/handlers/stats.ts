import { personOf } from '../identity.ts';
import type { CommandInteraction } from '../interaction.ts';
import { whisper } from '../reply.ts';
import { statsText } from '../views/stats.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

/** `/stats`: the caller's own progress, which is theirs across servers. */
export async function statsCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  return answer(whisper(statsText(await context.quiz.stats(personOf(interaction)))));
}
