import { describe, expect, it } from 'vitest';
import { CONSOLE_STYLE, renderReply } from '../../src/adapters/console/render.ts';
import { type StatsFigures, wordsOf } from '../../src/chat/messages.ts';
import { whisper } from '../../src/chat/reply.ts';

const COUNTS = {
  dueNow: 3,
  dueToday: 4,
  dueTomorrow: 5,
  dueThisWeek: 9,
  reviewedToday: 2,
  retention30d: 0.9,
  streak: 2,
  totalReviews: 400,
};

function statsWords(model: StatsFigures['model']): string {
  return wordsOf({ code: 'STATS', stats: { ...COUNTS, timeZone: 'Asia/Tokyo', model } }, CONSOLE_STYLE);
}

describe('/stats: whether the schedule is fitted to the person', () => {
  it('GIVEN no fit THEN the FSRS defaults, until there are enough reviews', () => {
    expect(statsWords(null)).toContain('Your schedule uses FSRS defaults until you have enough reviews');
  });

  it("GIVEN an adopted fit THEN since when (the person's local date) and the two log losses", () => {
    const adoptedAt = new Date('2026-05-03T20:00:00Z'); // already 4 May in Tokyo
    const words = statsWords({
      fittedAt: adoptedAt,
      adopted: true,
      loglossBefore: 0.3393,
      loglossAfter: 0.3137,
      adoptedAt,
    });
    expect(words).toContain(
      'Your schedule is fitted to your reviews since 2026-05-04 (log loss 0.34 → 0.31)',
    );
  });

  it('GIVEN a fit that did not predict better THEN still the defaults, with its log losses', () => {
    const words = statsWords({
      fittedAt: new Date('2026-05-03T20:00:00Z'),
      adopted: false,
      loglossBefore: 0.31,
      loglossAfter: 0.33,
      adoptedAt: null,
    });
    expect(words).toContain(
      'Your schedule uses FSRS defaults: a fit to your reviews did not predict them better (log loss 0.31 → 0.33)',
    );
  });
});

describe('the console and attachments', () => {
  it('GIVEN a reply with a picture THEN its text, then a line naming the picture and what it shows', () => {
    const reply = {
      ...whisper({ kind: 'message', message: { code: 'NEEDS_PLACE' } }),
      attachments: [
        { name: 'progress.png', bytes: new Uint8Array(), mime: 'image/png', description: '12 reviews' },
      ],
    };
    expect(renderReply(reply).split('\n').at(-1)).toBe('[picture: progress.png — 12 reviews]');
  });
});
