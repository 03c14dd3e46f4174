import type { Person, Place } from '../../../core/quiz/ports.ts';
import type { Scope } from '../custom-id.ts';
import { personOf, placeOf, serverPlace } from '../identity.ts';
import type { ButtonInteraction, CommandInteraction, InteractionBase } from '../interaction.ts';
import { replace, whisper } from '../reply.ts';
import { nothingDueText, questionView } from '../views/card.ts';
import { unknownDeckText } from '../views/decks.ts';
import type { View } from '../views/view.ts';
import { answer, type HandlerContext, needsServer, type Outcome } from './context.ts';

/** `/quiz [deck]`: the caller's next due card, seen by them only. */
export async function quizCommand(
  interaction: CommandInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  const place = placeOf(interaction);
  if (!place) return needsServer();
  const deck = interaction.options.deck;
  const deckId = typeof deck === 'string' && deck.trim() !== '' ? deck.trim() : null;
  if (deckId !== null && !(await context.community.deck(place, deckId))) {
    return answer(whisper(unknownDeckText(deckId)));
  }
  const view = await nextCardView(context, place, personOf(interaction), scopeOf(interaction, deckId, null));
  return answer(whisper(view.text, view.rows));
}

/** "Next card": the next card replaces the verdict. */
export async function nextCard(
  interaction: ButtonInteraction,
  scope: Scope,
  context: HandlerContext,
): Promise<Outcome> {
  const place = placeFor(interaction, scope.guildId);
  if (!place) return needsServer();
  const view = await nextCardView(context, place, personOf(interaction), scope);
  return answer(replace(view.text, view.rows));
}

/** A DM reminder's "Start review": the review runs in the name of the server the reminder came from. */
export async function startReview(
  interaction: ButtonInteraction,
  guildId: string,
  context: HandlerContext,
): Promise<Outcome> {
  const place = placeFor(interaction, guildId);
  if (!place) return needsServer();
  const view = await nextCardView(context, place, personOf(interaction), scopeOf(interaction, null, guildId));
  return answer(whisper(view.text, view.rows));
}

async function nextCardView(
  context: HandlerContext,
  place: Place,
  person: Person,
  scope: Scope,
): Promise<View> {
  const outcome = await context.quiz.next(place, person, { deckId: scope.deckId });
  if (!outcome.ok) return { text: nothingDueText(outcome, scope.deckId), rows: [] };
  return questionView(outcome.prompt, outcome.isNew, scope);
}

/** The interaction's server; in a DM, the server its button names. */
export function placeFor(interaction: InteractionBase, guildId: string | null): Place | null {
  return placeOf(interaction) ?? (guildId === null ? null : serverPlace(guildId));
}

/** What "Next card" keeps: the deck, and the server only where the interaction will not tell it (a DM). */
export function scopeOf(interaction: InteractionBase, deckId: string | null, guildId: string | null): Scope {
  return { deckId, guildId: interaction.guildId === null ? guildId : null };
}
