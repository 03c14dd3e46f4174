/**
 * Deck ownership. A deck belongs to everyone (owner null: the bundled `cards/` decks) or to one community, a
 * tenant id (`discord:<guild id>`, `slack:<team id>`). Card ids are one global key in storage (card states,
 * reviews and prompts reference them), so an owned deck's and card's stored id is `<tag>--<id>`: the owner's
 * short tag, two dashes (which a deck file's ids never hold, so no bundled id can collide), and the id from
 * the source. Ids stay within chat buttons' limits: tag 8 + 2 + card id 50 = 60 characters.
 */
export type DeckOwner = string | null;

const OWNER = /^(discord:\d{1,20}|slack:[A-Z0-9]{1,20})$/;
const SEPARATOR = '--';

/** Whether a text is a community that may own decks; the message says what it should be. */
export function ownerProblem(owner: string): string | null {
  return OWNER.test(owner) ? null : `owner "${owner}" is not discord:<guild id> or slack:<team id>`;
}

/** 8 hex digits standing for an owner: FNV-1a over its UTF-16 units (pure, stable across versions). */
export function ownerTag(owner: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < owner.length; i++) {
    hash ^= owner.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The stored id of a deck or card of this owner. */
export function ownedKey(owner: DeckOwner, id: string): string {
  return owner === null ? id : `${ownerTag(owner)}${SEPARATOR}${id}`;
}

/** The id as its source spells it: a stored id without its owner's tag. */
export function localId(key: string): string {
  const at = key.indexOf(SEPARATOR);
  return at === 8 ? key.slice(at + SEPARATOR.length) : key;
}
