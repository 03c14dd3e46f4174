import { and, isNull, or, type SQL, sql } from 'drizzle-orm';
import { cards, decks, hiddenDecks, reviews } from './schema.ts';

/**
 * Whether a deck is one a community sees: everyone's decks, less those the community hid, and its own.
 * `tenantId` null: everyone's decks only. The hand-written queries spell the same rule in `VISIBLE_CARD`.
 */
export function visibleDeck(tenantId: string | null): SQL | undefined {
  if (tenantId === null) return isNull(decks.owner);
  const hidden = sql`select 1 from ${hiddenDecks} where ${hiddenDecks.tenantId} = ${tenantId} and ${hiddenDecks.deckId} = ${decks.id}`;
  return or(and(isNull(decks.owner), sql`not exists (${hidden})`), sql`${decks.owner} = ${tenantId}`);
}

/**
 * The same rule for a card `c` in hand-written SQL, with the tenant as the parameter `tenant` (e.g. `$5::text`):
 * its deck is everyone's and not hidden there, or the tenant's own.
 */
export const visibleCard = (
  tenant: string,
): string => `(c.owner = ${tenant} or (c.owner is null and not exists (
      select 1 from hidden_decks h where h.tenant_id = ${tenant} and h.deck_id = c.deck_id)))`;

/**
 * A person's figures (/stats and its picture) in a community count only the cards it sees: this condition
 * over `cards` for a community, none (every card) without one.
 */
export const countedCard = (tenantId: string | undefined): SQL | undefined =>
  tenantId === undefined ? undefined : visibleCardOf(tenantId);

/** `countedCard` for a query over `reviews`: the reviewed card is one the community sees. */
export function countedReview(tenantId: string | undefined): SQL | undefined {
  if (tenantId === undefined) return undefined;
  return sql`exists (select 1 from ${cards} where ${cards.id} = ${reviews.cardId} and ${visibleCardOf(tenantId)})`;
}

/** `visibleCard` for Drizzle queries over `cards`. */
export function visibleCardOf(tenantId: string): SQL | undefined {
  const hidden = sql`select 1 from ${hiddenDecks} where ${hiddenDecks.tenantId} = ${tenantId} and ${hiddenDecks.deckId} = ${cards.deckId}`;
  return or(sql`${cards.owner} = ${tenantId}`, and(isNull(cards.owner), sql`not exists (${hidden})`));
}
