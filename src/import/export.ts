import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Card, Deck } from '../core/deck/card.ts';
import type { ImportedMedia } from '../core/deck/imported.ts';
import { type DeckOwner, localId, ownedKey } from '../core/deck/owner.ts';
import { toCard } from '../db/card-row.ts';
import type { Database } from '../db/client.ts';
import { cards, deckMedia, decks, media } from '../db/schema.ts';
import { buildApkg } from './apkg-export.ts';

export type ExportFormat = 'md' | 'csv' | 'apkg';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['md', 'csv', 'apkg'];

/** A stored deck as its source spells it: ids without the owner's tag. Null when the owner has no such deck. */
export async function loadDeck(db: Database, owner: DeckOwner, id: string): Promise<Deck | null> {
  const key = ownedKey(owner, id);
  const [row] = await db
    .select()
    .from(decks)
    .where(
      and(
        eq(decks.id, key),
        isNull(decks.retiredAt),
        owner === null ? isNull(decks.owner) : eq(decks.owner, owner),
      ),
    );
  if (!row) return null;
  const stored = await db
    .select()
    .from(cards)
    .where(and(eq(cards.deckId, key), isNull(cards.retiredAt)))
    .orderBy(asc(cards.position));
  return {
    id,
    title: row.title,
    description: row.description,
    tags: row.tags,
    path: row.sourcePath,
    lang: row.lang,
    cards: stored.map((card) => ({ ...toCard(card), id: localId(card.id), deckId: id })),
  };
}

/** The media files a stored deck's cards use, by the names the cards give them. */
export async function loadDeckMedia(db: Database, owner: DeckOwner, id: string): Promise<ImportedMedia[]> {
  const rows = await db
    .select({ name: deckMedia.name, bytes: media.bytes })
    .from(deckMedia)
    .innerJoin(media, eq(media.hash, deckMedia.hash))
    .where(eq(deckMedia.deckId, ownedKey(owner, id)));
  return rows.map((row) => ({ name: row.name, bytes: new Uint8Array(row.bytes) }));
}

/** The deck as a file of the format; `now` stamps an .apkg's modification times (ms). */
export async function exportDeck(
  deck: Deck,
  format: ExportFormat,
  extras: { media: readonly ImportedMedia[]; now: number },
): Promise<Uint8Array> {
  if (format === 'apkg') return buildApkg(deck, extras.media, extras.now);
  return new TextEncoder().encode(format === 'md' ? toMarkdown(deck) : toCsv(deck));
}

/** Mnemo's Markdown deck format; reading it back gives the same cards and ids. */
export function toMarkdown(deck: Deck): string {
  const front = [
    '---',
    `id: ${deck.id}`,
    `title: ${JSON.stringify(deck.title)}`,
    ...(deck.description ? [`description: ${JSON.stringify(deck.description)}`] : []),
    ...(deck.tags.length > 0 ? [`tags: [${deck.tags.join(', ')}]`] : []),
    '---',
  ];
  const deckTags = new Set(deck.tags);
  const blocks = deck.cards.map((card) => {
    const lines = [`## ${card.id}`, field('Q', card.question)];
    if (card.kind === 'choice')
      lines.push(...card.options.map((option, i) => `- [${i === card.correctOption ? 'x' : ' '}] ${option}`));
    else if (card.kind === 'self') lines.push(field('Reveal', card.answer));
    else {
      lines.push(field('A', card.answer));
      if (card.accept.length > 0) lines.push(field('Accept', card.accept.join(' | ')));
    }
    const tags = card.tags.filter((tag) => !deckTags.has(tag));
    if (tags.length > 0) lines.push(`Tags: ${tags.join(', ')}`);
    if (card.note) lines.push(field('Note', card.note));
    return lines.join('\n');
  });
  return `${[front.join('\n'), ...blocks].join('\n\n')}\n`;
}

/** A field over several lines goes on, indented, as the parser reads continuation lines. */
function field(name: string, value: string): string {
  return `${name}: ${value.split('\n').join('\n  ')}`;
}

/** Anki's text export layout, which `mnemo cards import` reads back (`--map` not needed). */
export function toCsv(deck: Deck): string {
  const header = ['#separator:tab', '#html:false', '#columns:id\tquestion\tanswer\tnote\ttags'];
  const rows = deck.cards.map((card: Card) =>
    [card.id, card.question, answerOf(card), card.note ?? '', card.tags.join(' ')].map(quote).join('\t'),
  );
  return `${[...header, ...rows].join('\n')}\n`;
}

function answerOf(card: Card): string {
  return card.kind === 'typed' ? [card.answer, ...card.accept].join('; ') : card.answer;
}

function quote(value: string): string {
  return /["\t\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
