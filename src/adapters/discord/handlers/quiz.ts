import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { runAction } from '../../../chat/flows.ts';
import { localeFor } from '../../../chat/i18n/locale.ts';
import { wordsOf } from '../../../chat/messages.ts';
import { renderReply } from '../chat.ts';
import { PERSONAL_PLACE, personOf, placeOf } from '../identity.ts';
import type { CommandInteraction } from '../interaction.ts';
import { whisper } from '../reply.ts';
import { DISCORD_STYLE } from '../style.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

/** `/quiz [deck] [tag] [practice]`: the caller's next due card (or a practice card), seen by them only. */
export async function quizCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  // Outside a server that installed Mnemo, the person reviews in their own place.
  const place = placeOf(interaction) ?? PERSONAL_PLACE;
  const deck = interaction.options.deck;
  const deckId = typeof deck === 'string' && deck.trim() !== '' ? deck.trim() : null;
  const person = personOf(interaction);
  const locale = await localeFor(context.quiz, person, interaction.locale);
  if (deckId !== null && !(await context.community.deck(place, deckId))) {
    return answer(whisper(wordsOf({ code: 'UNKNOWN_DECK', deckId }, DISCORD_STYLE, locale)));
  }
  const { tag, practice } = interaction.options;
  const tagged = typeof tag === 'string' && tag.trim() !== '' ? tag.trim().toLowerCase() : null;
  const actor = { place, person, request: interaction.id };
  const kind = practice === true ? 'practice' : 'quiz';
  const reply = await runAction(context.quiz, { kind, deckId, tag: tagged }, actor, context.cardMedia);
  return answer(renderReply(reply, NOTHING_CARRIED, locale));
}
