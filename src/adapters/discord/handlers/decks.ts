import { placeOf } from '../identity.ts';
import type { CommandInteraction } from '../interaction.ts';
import { whisper } from '../reply.ts';
import { deckInfoText, deckListText, unknownDeckText } from '../views/decks.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

/** `/deck list` and `/deck info <deck>`. */
export async function deckCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  if (interaction.subcommand === 'info') {
    const deckId = String(interaction.options.deck ?? '').trim();
    const deck = await context.community.deck(placeOf(interaction), deckId);
    return answer(whisper(deck ? deckInfoText(deck) : unknownDeckText(deckId)));
  }
  return answer(whisper(deckListText(await context.community.decks(placeOf(interaction)))));
}
