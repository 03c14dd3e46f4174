import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Resvg } from '@resvg/resvg-js';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statsCommand } from '../../src/cli/stats.ts';
import { Community } from '../../src/core/community/community.ts';
import { type ProgressFigures, progressFigures } from '../../src/core/progress/figures.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { cardStates, cards, reviews, tenants, users } from '../../src/db/schema.ts';
import { PgProgressStore } from '../../src/db/stats-store.ts';
import { main } from '../../src/main.ts';
import { leaderboardPicture, progressPicture } from '../../src/pictures/picture.ts';
import { freshDatabase, ON_POSTGRES, type TestDatabase } from '../support/database.ts';
import { deckOf, TestClock, typedCard } from '../support/fixtures.ts';
import { pngSize, svgTexts, svgTitles } from '../support/svg-text.ts';

// Saturday 2026-11-28, 12:00 in Los Angeles (UTC-8 since the clocks went back on November 1).
const NOW = new Date('2026-11-28T20:00:00Z');
const ZONE = 'America/Los_Angeles';
const TENANT = 'discord:900';
const ada = { platform: 'discord', externalId: '111', displayName: 'Ada <Lovelace> & "co"' };

let db: TestDatabase;
let adaId: number;
let otherId: number;

beforeAll(async () => {
  db = await freshDatabase();
  const ids = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7'];
  await syncDecks(
    db.db,
    [
      deckOf(
        'stats',
        ids.map((id) => typedCard(id, `answer ${id}`)),
      ),
    ],
    [],
  );
  await db.db.insert(tenants).values({ id: TENANT, platform: 'discord' });
  const [a, b] = await db.db
    .insert(users)
    .values([
      { ...ada, timeZone: ZONE },
      { platform: 'discord', externalId: '222', displayName: 'Grace', timeZone: 'UTC' },
    ])
    .returning({ id: users.id });
  adaId = a?.id ?? 0;
  otherId = b?.id ?? 0;
  const review = (
    userId: number,
    at: string,
    rating: number,
    extra: Partial<typeof reviews.$inferInsert> = {},
  ) => ({
    tenantId: TENANT,
    userId,
    cardId: 'c1',
    rating,
    stateBefore: 2,
    dueBefore: new Date(at),
    stabilityBefore: 3,
    difficultyBefore: 5,
    elapsedDays: 1,
    lastElapsedDays: 1,
    scheduledDaysBefore: 1,
    learningStepsBefore: 0,
    repsBefore: 1,
    lapsesBefore: 0,
    dueAfter: new Date(at),
    verdict: rating > 1 ? ('correct' as const) : ('wrong' as const),
    reviewedAt: new Date(at),
    ...extra,
  });
  await db.db.insert(reviews).values([
    review(adaId, '2026-11-21T07:30:00Z', 3), // 23:30 on Friday Nov 20 in Los Angeles, Saturday in UTC
    review(adaId, '2026-11-21T08:30:00Z', 1), // 00:30 on Saturday Nov 21
    review(adaId, '2026-10-21T06:30:00Z', 3), // 23:30 on Tuesday Oct 20, summer time (UTC-7)
    review(adaId, '2026-11-28T17:00:00Z', 4), // 09:00 today
    review(adaId, '2025-11-28T20:00:00Z', 3), // a year ago today: before the heatmap's first day
    review(otherId, '2026-11-28T10:00:00Z', 3),
    review(otherId, '2026-11-27T10:00:00Z', 3),
  ]);
  // A disputed review and the one that replaced it: only the replacement counts.
  const [replaced] = await db.db
    .insert(reviews)
    .values(review(adaId, '2026-11-27T18:00:00Z', 1))
    .returning({ id: reviews.id });
  const [replacement] = await db.db
    .insert(reviews)
    .values(review(adaId, '2026-11-27T18:00:05Z', 3, { disputeOf: replaced?.id ?? null }))
    .returning({ id: reviews.id });
  await db.db
    .update(reviews)
    .set({ supersededBy: replacement?.id ?? null })
    .where(eq(reviews.id, replaced?.id ?? 0));
  const state = (cardId: string, due: string, kind = 2) => ({
    userId: adaId,
    cardId,
    due: new Date(due),
    stability: 3,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 3,
    learningSteps: 0,
    reps: 2,
    lapses: 0,
    state: kind,
  });
  await db.db.insert(cardStates).values([
    state('c1', '2026-11-25T12:00:00Z'), // overdue: counts today
    state('c2', '2026-11-29T07:30:00Z'), // 23:30 today in Los Angeles
    state('c3', '2026-11-30T08:30:00Z'), // 00:30 on Monday Nov 30
    state('c4', '2026-12-27T12:00:00Z'), // the 30th day
    state('c5', '2026-12-28T12:00:00Z'), // the 31st day: not shown
    state('c6', '2026-11-28T12:00:00Z', 0), // new: not a review that falls due
    state('c7', '2026-11-28T19:00:00Z'), // its card is retired below
  ]);
  await db.db.update(cards).set({ retiredAt: NOW }).where(eq(cards.id, 'c7'));
});
afterAll(() => db.dispose());

async function adaFigures(): Promise<ProgressFigures> {
  const figures = await progressFigures(new PgProgressStore(db), ada, NOW);
  if (!figures) throw new Error('Ada is not found');
  return figures;
}

describe('progress figures', () => {
  it('GIVEN reviews near local midnight in Los Angeles THEN each counts on its local day, disputes once', async () => {
    const figures = await adaFigures();
    expect(figures.today).toBe('2026-11-28');
    expect(figures.days).toHaveLength(365);
    expect(figures.days[0]?.date).toBe('2025-11-29');
    expect(figures.days.filter((day) => day.reviews > 0)).toEqual([
      { date: '2026-10-20', reviews: 1, recalled: 1 },
      { date: '2026-11-20', reviews: 1, recalled: 1 },
      { date: '2026-11-21', reviews: 1, recalled: 0 },
      { date: '2026-11-27', reviews: 1, recalled: 1 },
      { date: '2026-11-28', reviews: 1, recalled: 1 },
    ]);
    expect(figures.reviewsThisYear).toBe(5);
    expect(figures.activeDays).toBe(5);
    expect(figures.stats).toMatchObject({ reviewedToday: 1, streak: 2, totalReviews: 6, dueToday: 2 });
  });

  it('GIVEN card states THEN due cards per local day: overdue ones today, new and retired ones never', async () => {
    const figures = await adaFigures();
    expect(figures.due).toHaveLength(30);
    expect(figures.due.at(-1)?.date).toBe('2026-12-27');
    expect(figures.due.filter((day) => day.due > 0)).toEqual([
      { date: '2026-11-28', due: 2 },
      { date: '2026-11-30', due: 1 },
      { date: '2026-12-27', due: 1 },
    ]);
    expect(figures.dueNext30).toBe(4);
  });

  it('GIVEN reviews over weeks THEN retention per calendar week, Monday first, none as null', async () => {
    const figures = await adaFigures();
    expect(figures.weeks).toHaveLength(12);
    expect(figures.weeks.at(-1)).toEqual({ week: '2026-11-23', reviews: 2, recalled: 2, retention: 1 });
    expect(figures.weeks.at(-2)).toEqual({ week: '2026-11-16', reviews: 2, recalled: 1, retention: 0.5 });
    expect(figures.weeks.find((week) => week.week === '2026-10-19')?.retention).toBe(1);
    expect(figures.weeks[0]).toEqual({ week: '2026-09-07', reviews: 0, recalled: 0, retention: null });
  });

  it('GIVEN someone who never used Mnemo THEN no figures, and no one is created', async () => {
    const before = await db.db.select().from(users);
    expect(
      await progressFigures(new PgProgressStore(db), { platform: 'discord', externalId: '9' }, NOW),
    ).toBeNull();
    expect(await db.db.select().from(users)).toHaveLength(before.length);
  });
});

describe('progress picture', () => {
  it('GIVEN the figures THEN the PNG is 1000×500 and decodes, and the SVG draws the computed numbers', async () => {
    const figures = await adaFigures();
    const picture = await progressPicture(figures);
    expect(pngSize(picture.png)).toEqual({ width: 1000, height: 500 });
    // A real decoder reads it back: resvg draws the PNG inside an SVG, and the card's white shows through.
    const decoded = new Resvg(
      `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="data:image/png;base64,${picture.png.toString('base64')}" width="1000" height="500" x="-500" y="-250"/></svg>`,
    ).render();
    expect([...decoded.pixels.subarray(0, 4)]).toEqual([255, 255, 255, 255]);

    const texts = svgTexts(picture.svg);
    expect(texts).toContain('Progress of Ada <Lovelace> & "co"');
    expect(texts).toContain('2026-11-28 · America/Los_Angeles');
    expect(texts).toContain('5 reviews on 5 days in the last 365 days');
    expect(texts).toContain('Due in the next 30 days: 4 (today: 2)');
    expect(texts).toContain('Retention by week: 100% this week');
    expect(texts.find((line) => line.startsWith('Reviews today'))).toBe(
      'Reviews today: 1   ·   Due today: 2   ·   Retention over 30 days: 75%   ·   Streak: 2 days   ·   All reviews: 6',
    );
    // Bars: the due counts drawn are the nonzero days', the retention labels are the 12 weeks'.
    const dueLabels = texts.slice(texts.indexOf('Due in the next 30 days: 4 (today: 2)') + 1);
    expect(dueLabels.filter((line) => /^\d+$/.test(line))).toEqual(['2', '1', '1']);
    const shares = texts.filter((line) => /^(\d+%|–)$/.test(line));
    expect(shares).toEqual(
      figures.weeks.map((week) => (week.retention === null ? '–' : `${Math.round(week.retention * 100)}%`)),
    );
    expect(shares.slice(-2)).toEqual(['50%', '100%']);
    // The heatmap: one cell per day, each named with its count.
    const cells = svgTitles(picture.svg);
    expect(cells).toHaveLength(365);
    expect(cells).toContain('2026-11-20: 1 review');
    expect(cells).toContain('2026-11-19: 0 reviews');
    expect(picture.svg).not.toContain('<Lovelace>');
    expect(picture.alt).toBe(
      'Progress of Ada <Lovelace> & "co": 5 reviews on 5 days over the last 365 days; 1 reviews today; ' +
        '4 cards due in the next 30 days (2 today); retention 100% this week; retention 75% over 30 days; streak 2 days.',
    );
  });

  it('GIVEN the server leaderboard of the week THEN its picture names members, never mentions them', async () => {
    const clock = new TestClock(NOW);
    const quizStore = new PgQuizStore(db);
    const community = new Community({ store: new PgCommunityStore(db.db), quizStore, clock });
    const rows = await community.leaderboard({ tenantId: TENANT, platform: 'discord' }, 'week');
    const picture = await leaderboardPicture(rows, 'the last 7 days');
    expect(pngSize(picture.png)).toEqual({ width: 1000, height: 500 });
    const texts = svgTexts(picture.svg);
    // Ada's week: today's review and the replacement of a disputed one (a tie with Grace: the older user first).
    expect(texts).toEqual([
      'Leaderboard · the last 7 days',
      '4 reviews by the top 2',
      '1. Ada <Lovelace> & "co"',
      '2',
      '100% right',
      '2. Grace',
      '2',
      '100% right',
    ]);
    expect(picture.svg).not.toMatch(/<@|111|222/);
    expect(picture.alt).toBe(
      'Leaderboard, the last 7 days: 1. Ada <Lovelace> & "co": 2 reviews; 2. Grace: 2 reviews.',
    );
  });
});

describe('mnemo stats', () => {
  it('GIVEN --person and --png THEN the text figures are printed and the picture is written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mnemo-stats-'));
    const file = join(dir, 'ada.png');
    const io = capture();
    const code = await statsCommand({ person: 'discord:111', png: file }, io, NOW, withDb);
    expect(code).toBe(0);
    expect(io.out()).toContain(
      'Progress of Ada <Lovelace> & "co" (discord:111) on 2026-11-28, America/Los_Angeles',
    );
    expect(io.out()).toContain('Last 365 days: 5 reviews on 5 days');
    expect(io.out()).toContain('Due in the next 30 days: 4');
    expect(pngSize(await readFile(file))).toEqual({ width: 1000, height: 500 });
    await rm(dir, { recursive: true });
  });

  it('GIVEN --json THEN every figure as JSON', async () => {
    const io = capture();
    expect(await statsCommand({ person: 'discord:111', json: true }, io, NOW, withDb)).toBe(0);
    const json = JSON.parse(io.out());
    expect(json).toMatchObject({
      person: 'discord:111',
      today: '2026-11-28',
      reviewsThisYear: 5,
      dueNext30: 4,
    });
    expect(json.weeks).toHaveLength(12);
  });

  it('GIVEN `mnemo stats` through main THEN a bad person is refused before the database opens', async () => {
    const io = capture();
    expect(await main(['stats', '--person', 'teams:1'], {}, io)).toBe(2);
    expect(io.err()).toContain('--person "teams:1": expected discord:<user id>, slack:<team id>:<user id>');
  });

  it.skipIf(!ON_POSTGRES)(
    'GIVEN `mnemo stats --json` through main on PostgreSQL THEN the person is found',
    async () => {
      const io = capture();
      expect(
        await main(['stats', '--person', 'discord:111', '--json'], { DATABASE_URL: db.url ?? '' }, io),
      ).toBe(0);
      expect(JSON.parse(io.out())).toMatchObject({ person: 'discord:111', timeZone: ZONE });
    },
  );

  it('GIVEN a bad or unknown person THEN an error naming it, exit 2 or 1', async () => {
    const io = capture();
    expect(await statsCommand({ person: 'discord:abc' }, io, NOW, unopened)).toBe(2);
    expect(io.err()).toContain('--person "discord:abc": a Discord person is discord:<user id>');
    expect(await statsCommand({ person: 'slack:T1:U9' }, io, NOW, withDb)).toBe(1);
    expect(io.err()).toContain('no one is known as slack:T1:U9');
    expect(await statsCommand({}, io, NOW, unopened)).toBe(2);
    expect(io.err()).toContain('--person is required');
  });
});

describe('stats in a community that hid a deck', () => {
  it("GIVEN Ada's deck hidden in one community THEN /stats and its picture there count none of its cards or reviews; elsewhere they all count", async () => {
    const community = new PgCommunityStore(db.db);
    const quizStore = new PgQuizStore(db);
    const store = new PgProgressStore(db);
    const everywhere = await quizStore.stats(adaId, NOW, ZONE);
    expect(await quizStore.stats(adaId, NOW, ZONE, TENANT)).toEqual(everywhere);
    expect(await community.setDeckHidden(TENANT, 'stats', true)).toBe(true);
    try {
      expect(await quizStore.stats(adaId, NOW, ZONE, TENANT)).toMatchObject({
        dueNow: 0,
        dueToday: 0,
        dueThisWeek: 0,
        reviewedToday: 0,
        totalReviews: 0,
        streak: 0,
        retention30d: null,
      });
      expect(everywhere).toMatchObject({ dueToday: 2, reviewedToday: 1 });
      const hidden = await progressFigures(store, ada, NOW, undefined, TENANT);
      expect([hidden?.reviewsThisYear, hidden?.dueNext30, hidden?.stats.totalReviews]).toEqual([0, 0, 0]);
      const elsewhere = await progressFigures(store, ada, NOW, undefined, 'discord:901');
      expect(elsewhere?.reviewsThisYear).toBe((await adaFigures()).reviewsThisYear);
      expect(elsewhere?.dueNext30).toBeGreaterThan(0);
    } finally {
      await community.setDeckHidden(TENANT, 'stats', false);
    }
  });
});

const withDb = (run: (connection: TestDatabase) => Promise<number>) => run(db);
const unopened = (): Promise<number> => {
  throw new Error('the database was opened for flags that were wrong');
};

function capture() {
  let out = '';
  let err = '';
  const sink = (add: (text: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        add(String(chunk));
        done();
      },
    });
  return {
    stdin: process.stdin,
    stdout: sink((text) => {
      out += text;
    }),
    stderr: sink((text) => {
      err += text;
    }),
    out: () => out,
    err: () => err,
  };
}
