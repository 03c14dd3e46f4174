import type { Card, Deck } from '../../src/core/deck/card.ts';
import type { Database } from '../../src/db/client.ts';
import { storeDeckMedia } from '../../src/db/deck-media.ts';
import { deckOf, typedCard } from './fixtures.ts';

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SVG = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#c00"/></svg>',
);
/** An SVG that would pull a file from the disk into its picture. */
const SVG_READING_DISK = new TextEncoder().encode(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="/etc/hostname.png"/></svg>',
);
const MP3 = Uint8Array.from([...Buffer.from('ID3'), 3, 0, 0, 0, 0, 0, 0]);

/**
 * Cards with pictures, sound and maths: the flag card's question has a picture, its note an SVG map, a sound
 * and a picture that refers outside itself; the maths card a formula in the question and one in the answer.
 */
export function mediaDecks(): Deck[] {
  const self = (id: string, question: string, answer: string, extra: Partial<Card> = {}): Card => ({
    ...typedCard(id, answer),
    kind: 'self',
    question,
    ...extra,
  });
  return [
    deckOf('pics', [
      typedCard('pics-flag', 'Germany', {
        question: 'Whose flag is this? ![German flag](media/flag-de.png)',
        note: 'Its map: ![Map of Germany](media/map.svg) and anthem [sound:media/anthem.mp3] ![bad](media/bad.svg)',
      }),
    ]),
    deckOf('maths', [
      self('maths-euler', 'What is $e^{i\\pi} + 1$?', 'It is $$0$$, as `$not maths$` shows.'),
    ]),
  ];
}

/** Stores the files the media decks name, as a deck sync does. */
export async function storeMediaDeckFiles(db: Database): Promise<void> {
  await storeDeckMedia(db, [
    {
      deckId: 'pics',
      media: [
        { name: 'media/flag-de.png', bytes: PNG },
        { name: 'media/map.svg', bytes: SVG },
        { name: 'media/anthem.mp3', bytes: MP3 },
        { name: 'media/bad.svg', bytes: SVG_READING_DISK },
      ],
    },
  ]);
}
