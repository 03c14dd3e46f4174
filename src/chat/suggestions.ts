import type { Community } from '../core/community/community.ts';
import type { Place } from '../core/people.ts';

/** A suggestion while a person types an option: the words shown, and the value it fills in. */
export interface Suggestion {
  name: string;
  value: string;
}

const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')];

/**
 * What a person may mean by what they typed so far in a field, on any platform that suggests as one types
 * (Discord's autocomplete, a Slack external select): the decks there, their tags, or time zones.
 */
export async function suggestionsFor(
  community: Pick<Community, 'decks'>,
  place: Place | null,
  field: 'deck' | 'tag' | 'timezone' | string,
  typed: string,
): Promise<Suggestion[]> {
  const query = typed.trim().toLowerCase();
  if (field === 'deck') {
    const decks = await community.decks(place);
    return decks
      .filter((deck) => deck.id.includes(query) || deck.title.toLowerCase().includes(query))
      .map((deck) => ({ name: `${deck.title} (${deck.id})`, value: deck.id }));
  }
  const named = (names: string[]) => names.map((name) => ({ name, value: name }));
  if (field === 'tag') {
    const tags = new Set((await community.decks(place)).flatMap((deck) => deck.tags));
    return named([...tags].filter((tag) => tag.includes(query)).sort());
  }
  if (field === 'timezone') {
    return named(TIME_ZONES.filter((zone) => zone.toLowerCase().includes(query.replaceAll(' ', '_'))));
  }
  return [];
}
