import { placeOf } from '../identity.ts';
import type { AutocompleteInteraction } from '../interaction.ts';
import type { ChoicesReply } from '../reply.ts';
import { appLocaleOf, discordSay } from '../style.ts';
import { answer, type HandlerContext, type Outcome } from './context.ts';

/** The value /daily set takes for "every deck". */
export const EVERY_DECK_CHOICE = '*';

const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const SHOWN = 25; // Discord's most choices

/** Suggestions while an option is typed: deck names, tags (of the decks) and time zones. */
export async function autocomplete(
  interaction: AutocompleteInteraction,
  context: HandlerContext,
): Promise<Outcome> {
  const { name, value } = interaction.focused;
  const query = value.trim().toLowerCase();
  if (name === 'deck') {
    const decks = (await context.community.decks(placeOf(interaction))).filter(
      (deck) => deck.id.includes(query) || deck.title.toLowerCase().includes(query),
    );
    const choices = decks.map((deck) => ({ name: `${deck.title} (${deck.id})`, value: deck.id }));
    if (interaction.command === 'daily') {
      const every = discordSay(appLocaleOf(interaction))('commands.everyDeck');
      choices.unshift({ name: every, value: EVERY_DECK_CHOICE });
    }
    return answer(choicesOf(choices));
  }
  if (name === 'tag') {
    const decks = await context.community.decks(placeOf(interaction));
    const tags = [...new Set(decks.flatMap((deck) => deck.tags))].filter((tag) => tag.includes(query));
    return answer(choicesOf(tags.sort().map((tag) => ({ name: tag, value: tag }))));
  }
  if (name === 'timezone') {
    const zones = TIME_ZONES.filter((zone) => zone.toLowerCase().includes(query.replaceAll(' ', '_')));
    return answer(choicesOf(zones.map((zone) => ({ name: zone, value: zone }))));
  }
  return answer(choicesOf([]));
}

function choicesOf(choices: { name: string; value: string }[]): ChoicesReply {
  return { kind: 'choices', choices: choices.slice(0, SHOWN) };
}
