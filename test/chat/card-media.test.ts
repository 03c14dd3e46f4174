import { describe, expect, it } from 'vitest';
import { renderReply as consoleReply } from '../../src/adapters/console/render.ts';
import { type CardMedia, MAX_ATTACHMENTS, withCardMedia } from '../../src/chat/card-media.ts';
import { type Attachment, whisper } from '../../src/chat/reply.ts';
import type { Card } from '../../src/core/deck/card.ts';
import { mediaDecks } from '../support/media-decks.ts';

const [pics, maths] = mediaDecks().map((deck) => deck.cards[0] as Card);
const file = (name: string): Attachment => ({
  name,
  bytes: new Uint8Array([1]),
  mime: 'image/png',
  description: name,
});

/** A port that hands out `count` files and records which side of which card it was asked for. */
function media(count: number, asked: string[] = []): CardMedia {
  return {
    files: async (card, side) => {
      asked.push(`${card.id}:${side}`);
      return Array.from({ length: count }, (_, i) => file(`${i}.png`));
    },
    onError: () => {},
  };
}

describe('withCardMedia', () => {
  it('GIVEN a question, a reveal and a message THEN the question gets its question side, the reveal its answer side, the message nothing', async () => {
    const asked: string[] = [];
    const question = await withCardMedia(
      whisper({ kind: 'question', card: maths as Card, isNew: true }),
      media(1, asked),
    );
    const reveal = await withCardMedia(
      whisper({ kind: 'reveal', card: maths as Card, promptId: 'p', daily: false }),
      media(1, asked),
    );
    const message = await withCardMedia(
      whisper({ kind: 'message', message: { code: 'APOLOGY' } }),
      media(1, asked),
    );
    expect(asked).toEqual(['maths-euler:question', 'maths-euler:answer']);
    expect(question.attachments).toHaveLength(1);
    expect(reveal.attachments).toHaveLength(1);
    expect(message.attachments).toEqual([]);
  });

  it('GIVEN more files than a message carries THEN ten are attached', async () => {
    const reply = await withCardMedia(
      whisper({ kind: 'question', card: pics as Card, isNew: true }),
      media(14),
    );
    expect(reply.attachments).toHaveLength(MAX_ATTACHMENTS);
  });
});

describe('the console', () => {
  it('GIVEN a card with a picture and a formula THEN the console shows the file name with its alt text, and the TeX', () => {
    const picture = consoleReply(whisper({ kind: 'question', card: pics as Card, isNew: false }));
    expect(picture).toContain('![German flag](media/flag-de.png)');
    const formula = consoleReply(whisper({ kind: 'question', card: maths as Card, isNew: false }));
    expect(formula).toContain('$e^{i\\pi} + 1$');
  });
});
