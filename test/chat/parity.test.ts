import { randomUUID } from 'node:crypto';
import { type APIModalInteractionResponse, ComponentType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReply as renderConsole } from '../../src/adapters/console/render.ts';
import { decodeCustomId } from '../../src/adapters/discord/actions.ts';
import { dailyQuestionBody, renderReply as renderDiscord } from '../../src/adapters/discord/render.ts';
import { decodeClick } from '../../src/adapters/slack/actions.ts';
import { renderDailyQuestion } from '../../src/adapters/slack/render/delivery.ts';
import { renderReply as renderSlack, slackStyle } from '../../src/adapters/slack/render/reply.ts';
import type { Action, CommandAction } from '../../src/chat/action.ts';
import { runCommand } from '../../src/chat/commands.ts';
import { type DeckFilesPort, runDeckFiles } from '../../src/chat/deck-files.ts';
import { type Actor, runAction } from '../../src/chat/flows.ts';
import { labelOf, type Reply } from '../../src/chat/reply.ts';
import { Community } from '../../src/core/community/community.ts';
import type { Card } from '../../src/core/deck/card.ts';
import { Quiz } from '../../src/core/quiz/quiz.ts';
import { describeWhen } from '../../src/core/scheduling/day.ts';
import { PgCommunityStore } from '../../src/db/community-store.ts';
import { syncDecks } from '../../src/db/deck-sync.ts';
import { PgQuizStore } from '../../src/db/quiz/pg-quiz-store.ts';
import { deliveries } from '../../src/db/schema.ts';
import { freshDatabase, type TestDatabase } from '../support/database.ts';
import { deckOf, TestClock, typedCard } from '../support/fixtures.ts';

const TYPED = typedCard('p-typed', 'container', { question: 'What runs an image?', accept: [] });
const CHOICE: Card = {
  ...typedCard('p-choice', 'bridge'),
  kind: 'choice',
  question: 'Default driver?',
  options: ['host', 'bridge', 'overlay'],
  correctOption: 1,
};
const SELF: Card = { ...typedCard('p-self', 'Cached layers.'), kind: 'self', question: 'Why layers?' };
const DAILY: Card = { ...CHOICE, id: 'p-daily', question: 'Daily driver?' };

let db: TestDatabase;
let quiz: Quiz;
let community: Community;
const clock = new TestClock('2026-05-04T09:00:00Z');
const place = { tenantId: 'parity:1', platform: 'parity' };
let people = 0;
const actor = (): Actor => ({
  place,
  person: { platform: 'parity', externalId: `u${++people}` },
  request: null,
});

beforeAll(async () => {
  db = await freshDatabase();
  await syncDecks(
    db.db,
    [deckOf('typed', [TYPED]), deckOf('choice', [CHOICE]), deckOf('self', [SELF]), deckOf('daily', [DAILY])],
    [],
  );
  const store = new PgQuizStore(db);
  quiz = new Quiz({ store, clock, newId: randomUUID });
  community = new Community({ store: new PgCommunityStore(db.db), quizStore: store, clock });
});
afterAll(() => db.dispose());

/** An action as the adapters compare it: its kind and the ids it names. */
function signature(action: Action): string {
  const named = ['promptId', 'reviewId', 'option', 'rating', 'deliveryId', 'importId'] as const;
  const record = action as Record<string, unknown>;
  const daily = 'daily' in action ? `delivery=${action.daily.deliveryId}` : '';
  return [action.kind, ...named.filter((key) => key in record).map((key) => `${key}=${record[key]}`), daily]
    .filter(Boolean)
    .join(' ');
}

const POST = { channelId: 'C0PARITY', messageTs: '1714800000.000100' };
const DISCORD_MESSAGE = '1300000000000000999';

interface Rendered {
  text: string;
  actions: string[];
}

function discord(reply: Reply): Rendered {
  const rendered = renderDiscord(reply, { place: null, post: DISCORD_MESSAGE }, 'en');
  if (rendered.kind === 'modal') {
    const { data } = rendered.response as APIModalInteractionResponse;
    const prompt = data.components.flatMap((child) =>
      child.type === ComponentType.TextDisplay ? [child.content] : [],
    );
    const decoded = decodeCustomId(data.custom_id);
    return { text: prompt.join('\n'), actions: decoded ? [signature(decoded.action)] : [] };
  }
  if (rendered.kind !== 'message') throw new Error(rendered.kind);
  const ids = rendered.body.components.flatMap((row) => row.components).filter((button) => !button.disabled);
  const actions = ids.flatMap((button) => {
    const decoded = decodeCustomId(button.custom_id);
    // "Show more" is Discord's own answer to its message limit, not an action of the flow.
    return decoded && decoded.action.kind !== 'showMore' ? [signature(decoded.action)] : [];
  });
  return { text: rendered.body.content, actions };
}

function slack(reply: Reply, daily: { deliveryId: number; cardId: string } | null): Rendered {
  const post = daily ? `2026-05-04/${POST.channelId}/${POST.messageTs}` : null;
  const message = renderSlack(reply, { place: null, post }, slackStyle('/mnemo'), 'en');
  const buttons = message.blocks.flatMap((block) => (block.type === 'actions' ? block.elements : []));
  const actions = buttons.flatMap((button) => {
    if (button.type !== 'button') return [];
    const decoded = decodeClick(button.action_id ?? '', button.value);
    return decoded ? [signature(decoded.action)] : [];
  });
  return { text: JSON.stringify(message.blocks), actions };
}

/** Console: each action a reply offers is a command the person types. */
const CONSOLE_COMMANDS: Partial<Record<Action['kind'], (action: Action) => string>> = {
  dispute: () => '/right',
  dontKnow: () => '/reveal',
  reveal: () => '/reveal',
  choose: (action) => `  ${(action as { option: number }).option + 1}. `,
  rate: (action) =>
    `${(action as { rating: number }).rating} ${['Again', 'Hard', 'Good', 'Easy'][(action as { rating: number }).rating - 1]}`,
};

/** The facts every platform must show for a reply. */
function factsOf(reply: Reply): string[] {
  const { body } = reply;
  switch (body.kind) {
    case 'verdict': {
      const { result } = body;
      const verdict = { correct: 'Correct', close: 'Close enough', wrong: 'Not quite', self: 'Noted' }[
        result.verdict
      ];
      return [
        result.repeated ? 'Already answered' : verdict,
        result.card.answer,
        describeWhen(result.due, result.now),
        ['Again', 'Hard', 'Good', 'Easy'][result.rating - 1] ?? '?',
      ];
    }
    case 'reveal':
      return [body.card.answer];
    case 'question':
      return [body.card.question];
    case 'answerForm':
      return [body.card.question];
    case 'fullAnswer':
      return [body.card.answer];
    case 'message':
      return body.message.code === 'NOTHING_DUE' ? ['Nothing'] : [];
  }
}

interface Case {
  name: string;
  /** Runs the steps before and returns the reply to compare. */
  reply: () => Promise<{ reply: Reply; daily?: { deliveryId: number; cardId: string } }>;
}

async function dealt(deckId: string, who = actor()) {
  const reply = await runAction(quiz, { kind: 'quiz', deckId }, who);
  const [first] = reply.buttons;
  if (!first || !('promptId' in first.action)) throw new Error('no card dealt');
  return { who, promptId: first.action.promptId, reply };
}

async function dailyDelivery(): Promise<{ deliveryId: number; cardId: string }> {
  const set = await community.setDaily(
    place,
    { platform: 'parity', externalId: 'admin', isAdmin: true },
    {
      channelId: POST.channelId,
      localTime: '09:00',
      timeZone: 'UTC',
      deckId: 'daily',
    },
  );
  if (!set.ok) throw new Error(set.code);
  const [row] = await db.db
    .insert(deliveries)
    .values({
      subscriptionId: set.daily.id,
      localDate: '2026-05-04',
      dueAt: clock.now(),
      endsAt: new Date(clock.now().getTime() + 3_600_000),
      channelId: POST.channelId,
      status: 'sent',
      cardId: DAILY.id,
    })
    .returning({ id: deliveries.id });
  if (!row) throw new Error('no delivery');
  return { deliveryId: row.id, cardId: DAILY.id };
}

const CASES: Case[] = [
  { name: 'a typed card', reply: async () => ({ reply: (await dealt('typed')).reply }) },
  { name: 'a multiple-choice card', reply: async () => ({ reply: (await dealt('choice')).reply }) },
  { name: 'a self-graded card', reply: async () => ({ reply: (await dealt('self')).reply }) },
  {
    name: 'the answer form of a typed card',
    reply: async () => {
      const { who, promptId } = await dealt('typed');
      return { reply: await runAction(quiz, { kind: 'openAnswer', promptId, deckId: 'typed' }, who) };
    },
  },
  {
    name: 'a wrong typed answer ("I was right" allowed)',
    reply: async () => {
      const { who, promptId } = await dealt('typed');
      const action: Action = { kind: 'typedAnswer', promptId, deckId: 'typed', text: 'a VM' };
      return { reply: await runAction(quiz, action, who) };
    },
  },
  {
    name: 'a right typed answer (no "I was right")',
    reply: async () => {
      const { who, promptId } = await dealt('typed');
      const action: Action = { kind: 'typedAnswer', promptId, deckId: 'typed', text: 'container' };
      return { reply: await runAction(quiz, action, who) };
    },
  },
  {
    name: '"I don’t know"',
    reply: async () => {
      const { who, promptId } = await dealt('typed');
      return { reply: await runAction(quiz, { kind: 'dontKnow', promptId, deckId: 'typed' }, who) };
    },
  },
  {
    name: 'a wrong option given twice (the first answer stands, "I was right" still offered)',
    reply: async () => {
      const { who, promptId } = await dealt('choice');
      await runAction(quiz, { kind: 'choose', promptId, deckId: 'choice', option: 0 }, who);
      return { reply: await runAction(quiz, { kind: 'choose', promptId, deckId: 'choice', option: 2 }, who) };
    },
  },
  {
    name: 'a self-graded card revealed',
    reply: async () => {
      const { who, promptId } = await dealt('self');
      return { reply: await runAction(quiz, { kind: 'reveal', promptId, deckId: 'self' }, who) };
    },
  },
  {
    name: 'a self-graded card rated (its answer shown)',
    reply: async () => {
      const { who, promptId } = await dealt('self');
      await runAction(quiz, { kind: 'reveal', promptId, deckId: 'self' }, who);
      return { reply: await runAction(quiz, { kind: 'rate', promptId, deckId: 'self', rating: 2 }, who) };
    },
  },
  {
    name: '"I was right"',
    reply: async () => {
      const { who, promptId } = await dealt('typed');
      const verdict = await runAction(quiz, { kind: 'dontKnow', promptId, deckId: 'typed' }, who);
      const dispute = verdict.buttons.find((button) => button.action.kind === 'dispute');
      if (!dispute) throw new Error('no "I was right"');
      return { reply: await runAction(quiz, dispute.action, who) };
    },
  },
  {
    name: 'a card dealt to someone else',
    reply: async () => {
      const { promptId } = await dealt('typed');
      return { reply: await runAction(quiz, { kind: 'dontKnow', promptId, deckId: 'typed' }, actor()) };
    },
  },
  {
    name: 'nothing due',
    reply: async () => {
      const { who, promptId } = await dealt('self');
      await runAction(quiz, { kind: 'rate', promptId, deckId: 'self', rating: 4 }, who);
      return { reply: await runAction(quiz, { kind: 'quiz', deckId: 'self' }, who) };
    },
  },
  {
    name: 'an option of the question of the day (the count of answers)',
    reply: async () => {
      const daily = await dailyDelivery();
      return { reply: await runAction(quiz, { kind: 'dailyChoose', daily, option: 1 }, actor()), daily };
    },
  },
];

describe('every flow offers the same actions and facts on Discord, Slack and the console', () => {
  it.each(CASES)('GIVEN $name THEN each renderer shows its facts and offers its actions', async (c) => {
    const { reply, daily } = await c.reply();
    const offered = reply.buttons
      .filter((button) => !button.disabled)
      .map((button) => signature(button.action));
    const shown = {
      discord: discord(reply),
      slack: slack(reply, daily ?? null),
      console: renderConsole(reply),
    };

    for (const fact of factsOf(reply)) {
      expect(shown.discord.text).toContain(fact);
      expect(shown.slack.text).toContain(fact);
      expect(shown.console).toContain(fact);
    }
    if (reply.body.kind === 'answerForm') {
      // Slack opens the form itself (handlers/quiz-flow.ts); Discord's modal submits the flow's action.
      expect(shown.discord.actions).toEqual([signature(reply.body.submit)]);
      return;
    }
    expect(shown.discord.actions).toEqual(offered);
    expect(shown.slack.actions).toEqual(offered);
    for (const button of reply.buttons) {
      const command = CONSOLE_COMMANDS[button.action.kind];
      if (command) expect(shown.console).toContain(command(button.action));
    }
    if (reply.body.kind === 'message' && reply.body.message.code !== 'NOTHING_DUE') {
      // One table: the same sentence on every platform, markup aside.
      const plain = (text: string) => text.replace(/[*`]/g, '');
      expect(plain(shown.discord.text)).toContain(shown.console.replace(/\/skip/g, '/quiz'));
    }
    if (reply.dailyCount) {
      const { card, deliveryId, answered } = reply.dailyCount;
      expect(answered).toBe(1);
      const question = {
        deliveryId,
        tenantId: place.tenantId,
        channelId: POST.channelId,
        card,
        localDate: '2026-05-04',
        locale: 'en' as const,
      };
      expect(dailyQuestionBody(card, deliveryId, { answered, revealAnswer: false }, 'en').content).toContain(
        '1 member answered',
      );
      expect(JSON.stringify(renderDailyQuestion(question, { answered, revealAnswer: false }))).toContain(
        '1 member answered',
      );
    }
  });

  it('GIVEN a wrong answer THEN "I was right" is offered; GIVEN a right one THEN it is not', async () => {
    const wrong = await (CASES[4] as Case).reply();
    const right = await (CASES[5] as Case).reply();
    expect(wrong.reply.buttons.map((button) => labelOf(button.label, 'en'))).toEqual([
      'Next card',
      'I was right',
      'Suspend',
      'Bury',
    ]);
    expect(right.reply.buttons.map((button) => labelOf(button.label, 'en'))).toEqual([
      'Next card',
      'Suspend',
      'Bury',
    ]);
  });
});

describe('every community command shows the same facts on Discord, Slack and the console', () => {
  const commands: { name: string; action: CommandAction; facts: string[]; console: boolean }[] = [
    {
      name: 'stats',
      action: { kind: 'stats' },
      facts: ['Reviewed today', 'Streak', '1 day', '100%'],
      console: true,
    },
    {
      name: 'the decks',
      action: { kind: 'decks' },
      facts: ['Deck typed', 'typed', '1 card'],
      console: false,
    },
    {
      name: 'one deck',
      action: { kind: 'deckInfo', deckId: 'choice' },
      facts: ['Deck choice', 'Cards'],
      console: false,
    },
    {
      name: 'an unknown deck',
      action: { kind: 'deckInfo', deckId: 'nosuch' },
      facts: ['There is no deck', 'nosuch'],
      console: false,
    },
    {
      name: 'the leaderboard',
      action: { kind: 'leaderboard', period: 'week' },
      facts: ['Leaderboard', 'the last 7 days', '1 review', '100% right', '🥇'],
      console: false,
    },
    {
      name: 'an empty leaderboard',
      action: { kind: 'leaderboard', period: 'all' },
      facts: ['No reviews', 'all time'],
      console: false,
    },
  ];

  it.each(commands)(
    'GIVEN $name THEN each renderer shows its facts, and no platform offers a button',
    async (c) => {
      const who = actor();
      if (c.action.kind !== 'leaderboard' || c.action.period === 'week') {
        const { promptId } = await dealt('typed', who);
        await runAction(quiz, { kind: 'typedAnswer', promptId, deckId: 'typed', text: 'container' }, who);
      }
      const somewhere =
        c.action.kind === 'leaderboard' && c.action.period === 'all'
          ? { ...who, place: { tenantId: 'parity:empty', platform: 'parity' } }
          : who;
      const reply = await runCommand({ quiz, community }, c.action, somewhere);
      expect(reply.buttons).toEqual([]);
      const shown = { discord: discord(reply), slack: slack(reply, null), console: renderConsole(reply) };
      for (const fact of c.facts) {
        expect(shown.discord.text).toContain(fact);
        expect(shown.slack.text).toContain(fact);
        if (c.console) expect(shown.console).toContain(fact);
      }
      expect(shown.discord.actions).toEqual([]);
      expect(shown.slack.actions).toEqual([]);
    },
  );

  it.each([
    {
      name: 'a member',
      isAdmin: false,
      action: { kind: 'listDailies' },
      facts: ['Only', 'can manage the question of the day'],
    },
    {
      name: 'a bad time',
      isAdmin: true,
      action: { kind: 'setDaily', channelId: 'C0PARITY', localTime: '25:00', timeZone: 'UTC', deckId: null },
      facts: ['25:00', 'is not a time of day'],
    },
    {
      name: 'a bad time zone',
      isAdmin: true,
      action: {
        kind: 'setDaily',
        channelId: 'C0PARITY',
        localTime: '08:00',
        timeZone: 'Mars/Olympus',
        deckId: null,
      },
      facts: ['Mars/Olympus', 'is not a time zone'],
    },
    {
      name: 'an unknown deck',
      isAdmin: true,
      action: {
        kind: 'setDaily',
        channelId: 'C0PARITY',
        localTime: '08:00',
        timeZone: 'UTC',
        deckId: 'nosuch',
      },
      facts: ['There is no deck', 'nosuch'],
    },
    {
      name: 'a question of the day set',
      isAdmin: true,
      action: {
        kind: 'setDaily',
        channelId: 'C0PARITY',
        localTime: '08:00',
        timeZone: 'Europe/Berlin',
        deckId: 'choice',
      },
      facts: ['C0PARITY', 'gets a question of the day at', '08:00', 'Europe/Berlin', 'choice'],
    },
    {
      name: 'the questions of the day',
      isAdmin: true,
      action: { kind: 'listDailies' },
      facts: ['Questions of the day', 'C0PARITY', '08:00 Europe/Berlin', 'choice'],
    },
    {
      name: 'the settings',
      isAdmin: false,
      action: { kind: 'settings', patch: {}, reminder: null },
      facts: [
        'Your settings',
        'Desired retention',
        '90%',
        'New cards per day',
        '20',
        'DM reminders in this',
        'off',
      ],
    },
    {
      name: 'settings changed',
      isAdmin: false,
      action: { kind: 'settings', patch: { newPerDay: 7 }, reminder: { localTime: '07:45' } },
      facts: ['Settings saved', 'New cards per day', '7', 'on', '07:45'],
    },
    {
      name: 'a setting out of range',
      isAdmin: false,
      action: { kind: 'settings', patch: { timeZone: 'Atlantis/Lost' }, reminder: null },
      facts: ['Nothing was changed: Time zone', 'must be an IANA time zone'],
    },
    {
      name: 'a question of the day stopped',
      isAdmin: true,
      action: { kind: 'stopDaily', channelId: 'C0PARITY' },
      facts: ['Stopped the question of the day in', 'C0PARITY'],
    },
  ] satisfies { name: string; isAdmin: boolean; action: CommandAction; facts: string[] }[])(
    'GIVEN $name (questions of the day, settings) THEN Discord and Slack show the same facts',
    async (c) => {
      const who = { ...actor(), place: { tenantId: 'parity:daily', platform: 'parity' }, isAdmin: c.isAdmin };
      const reply = await runCommand({ quiz, community }, c.action, who);
      for (const fact of c.facts) {
        expect(discord(reply).text).toContain(fact);
        expect(slack(reply, null).text).toContain(fact);
      }
    },
  );

  it('GIVEN the leaderboard with no place (a Discord DM) THEN it asks for one, the same words on each platform', async () => {
    const reply = await runCommand(
      { quiz, community },
      { kind: 'leaderboard', period: 'week' },
      { ...actor(), place: null },
    );
    const plain = (text: string) => text.replace(/[*`]/g, '');
    expect(plain(discord(reply).text)).toBe(renderConsole(reply));
    expect(slack(reply, null).text).toContain(renderConsole(reply));
  });
});

describe('the deck-file flows show the same facts and offer the same buttons on every platform', () => {
  const IMPORT_ID = '2f1c7a3e-5b4d-4c2a-9e8f-0a1b2c3d4e5f';
  const summary = {
    deck: { id: 'sums', title: 'Sums' },
    notes: 2,
    cards: { added: 2, updated: 0, unchanged: 0, retired: 0 },
    kinds: { typed: 2, choice: 0, self: 0, cloze: 0 },
    media: { stored: 0, missing: 1 },
    skipped: [{ item: 'line 4', reason: 'the answer is empty' }],
  };
  const port: DeckFilesPort = {
    preview: async (_place, _person, source) => ({
      ok: true,
      importId: IMPORT_ID,
      fileName: source.name,
      decks: [summary],
      notice: 'Scheduling data in the file is ignored.',
    }),
    confirm: async () => ({ ok: true, decks: [summary] }),
    cancel: async () => {},
    export: async () => null,
    setHidden: async () => true,
  };
  const admin = { place, person: { platform: 'parity', externalId: 'admin' }, isAdmin: true };
  const file = { url: 'http://127.0.0.1:1/sums.csv', name: 'sums.csv', size: 10 };

  it('GIVEN a preview THEN Confirm and Cancel carry the import, and each renderer shows the deck, counts and problems', async () => {
    const reply = await runDeckFiles(port, { kind: 'deckImport', file, deckId: null }, admin);
    const offered = reply.buttons.map((button) => signature(button.action));
    expect(offered).toEqual([`confirmImport importId=${IMPORT_ID}`, `cancelImport importId=${IMPORT_ID}`]);
    const shown = { discord: discord(reply), slack: slack(reply, null), console: renderConsole(reply) };
    expect(shown.discord.actions).toEqual(offered);
    expect(shown.slack.actions).toEqual(offered);
    for (const fact of [
      'sums.csv',
      'Sums',
      '2 notes',
      '2 typed',
      'To add 2',
      '1 missing',
      'line 4: the answer is empty',
      'Scheduling data',
    ]) {
      expect(shown.discord.text).toContain(fact);
      expect(shown.slack.text).toContain(fact);
      expect(shown.console).toContain(fact);
    }
  });

  it('GIVEN a member THEN every platform refuses in the same words, with no button and nothing asked of the port', async () => {
    const reply = await runDeckFiles(
      { ...port, setHidden: async () => Promise.reject(new Error('not to be called')) },
      { kind: 'deckVisibility', deckId: 'typed', hidden: true },
      { ...admin, isAdmin: false },
    );
    expect(reply.buttons).toEqual([]);
    const plain = (text: string) => text.replace(/[*`]/g, '');
    expect(plain(discord(reply).text)).toContain('can import, export, hide or show decks');
    expect(slack(reply, null).text).toContain('can import, export, hide or show decks');
    expect(renderConsole(reply)).toContain('can import, export, hide or show decks');
  });
});
