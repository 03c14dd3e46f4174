import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonId, buttonsOf, EPHEMERAL, RESPONSE } from './support/client.ts';
import {
  ADMIN_PERMISSIONS,
  autocomplete,
  BOOLEAN,
  buttonClick,
  type CommandOption,
  INTEGER,
  STRING,
  sentMessage,
  slashCommand,
  subcommand,
  type TestUser,
} from './support/payloads.ts';
import { type HttpBot, World } from './support/world.ts';

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

const DAY = 86_400_000;

const quiz = (user: TestUser, deck: string, more: CommandOption[] = []) =>
  bot.send(slashCommand('quiz', [{ name: 'deck', type: STRING, value: deck }, ...more], { user }));
// biome-ignore lint/suspicious/noExplicitAny: response JSON
const click = (user: TestUser, response: any, label: string | RegExp) =>
  bot.send(buttonClick(buttonId(response.data, label), sentMessage(response.data), { user }));

/** The self-graded card shown, revealed and rated. */
async function rateSelf(user: TestUser, rating: 'Again' | 'Easy' | 'Good') {
  const card = await quiz(user, 'self');
  const shown = await click(user, card, 'Show answer');
  return click(user, shown, rating);
}

describe('suspend and bury on Discord', () => {
  it('GIVEN an answer WHEN Suspend THEN the card is out of /quiz, /settings lists it, and Unsuspend 1 brings it back', async () => {
    const user = world.newUser();
    const verdict = await rateSelf(user, 'Good');
    const suspended = await click(user, verdict, 'Suspend');
    expect(suspended.data.flags).toBe(EPHEMERAL);
    expect(suspended.data.content).toContain('`self-layers` is **suspended**');

    world.clock.advance(400 * DAY);
    const nothing = await quiz(user, 'self');
    expect(nothing.data.content).toContain('Nothing to review');

    const settings = await bot.send(slashCommand('settings', [], { user }));
    expect(settings.data.content).toContain('**Suspended cards**');
    expect(settings.data.content).toContain('1. `self-layers` (Why does Docker build images in layers?)');
    expect(buttonsOf(settings.data).map((b) => b.label)).toEqual(['Unsuspend 1']);
    const back = await click(user, settings, 'Unsuspend 1');
    expect(back.data.content).toContain('`self-layers` is back in your reviews.');
    expect((await quiz(user, 'self')).data.content).toContain('Why does Docker build images in layers?');
  });

  it('GIVEN an answer WHEN Bury THEN it is buried until the next day', async () => {
    const user = world.newUser();
    const verdict = await rateSelf(user, 'Again');
    const buried = await click(user, verdict, 'Bury');
    expect(buried.data.content).toContain('`self-layers` is **buried** until');
    expect((await quiz(user, 'self')).data.content).toContain('Nothing due right now');
  });
});

describe('leeches on Discord', () => {
  it('GIVEN leech_lapses:1 WHEN the card lapses THEN it is suspended as a leech, with Keep studying and Show note', async () => {
    const user = world.newUser();
    const set = await bot.send(
      slashCommand('settings', [{ name: 'leech_lapses', type: INTEGER, value: 1 }], { user }),
    );
    expect(set.data.content).toContain('Leech after: **1 lapse**');
    await rateSelf(user, 'Easy');
    world.clock.advance(400 * DAY);
    const lapsed = await rateSelf(user, 'Again');
    expect(lapsed.data.content).toContain('🩹 **Leech**');
    expect(buttonsOf(lapsed.data).map((b) => b.label)).toEqual(['Next card', 'Keep studying', 'Show note']);

    const note = await click(user, lapsed, 'Show note');
    expect(note.data.content).toContain('Each instruction adds a cached layer.');
    const kept = await click(user, lapsed, 'Keep studying');
    expect(kept.data.content).toContain('its leech count starts again');
  });

  it('GIVEN /deck leeches THEN a member is refused and an admin sees the cards', async () => {
    const member = await bot.send(slashCommand('deck', [subcommand('leeches', [])]));
    expect(member.data.content).toContain("can list this server's leeches");
    const admin = await bot.send(
      slashCommand('deck', [subcommand('leeches', [])], { permissions: ADMIN_PERMISSIONS }),
    );
    expect(admin.data.content).toContain('🩹 **Leeches**');
    expect(admin.data.content).toContain('`self-layers`');
  });
});

describe('practice and tags on Discord', () => {
  it('GIVEN /quiz practice:True THEN a reviewed card is asked and its answer is practice: Practise more, schedule unchanged', async () => {
    const user = world.newUser();
    await rateSelf(user, 'Good');
    const practice = await quiz(user, 'self', [{ name: 'practice', type: BOOLEAN, value: true }]);
    expect(practice.type).toBe(RESPONSE.MESSAGE);
    expect(practice.data.content).toContain('Why does Docker build images in layers?');
    const shown = await click(user, practice, 'Show answer');
    const verdict = await click(user, shown, 'Hard');
    expect(verdict.data.content).toContain('Practice: logged apart, your schedule is unchanged.');
    expect(buttonsOf(verdict.data).map((b) => b.label)).toEqual(['Practise more']);
    const more = await click(user, verdict, 'Practise more');
    expect(more.data.content).toContain('Nothing to practise');
  });

  it('GIVEN /quiz tag: of a tag no card has THEN nothing is due; the tag option is autocompleted', async () => {
    const user = world.newUser();
    const none = await quiz(user, 'typed', [{ name: 'tag', type: STRING, value: 'no-such-tag' }]);
    expect(none.data.content).toContain('Nothing to review');
    const choices = await bot.send(
      autocomplete('quiz', [{ name: 'tag', type: STRING, value: '', focused: true }], { user }),
    );
    expect(choices.type).toBe(8);
  });
});
