import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonIn, buttonsIn, SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
});
afterAll(() => h.close());

/** The person does not know the typed card: one review stored. */
async function review(user: string, name = 'someone') {
  await h.command('quiz typed', { user, name });
  const question = h.lastResponse(user);
  await h.click({
    user,
    actionId: 'mn:give-up',
    value: buttonIn(question, 'mn:give-up').value,
    responseUrl: h.fake.responseUrl(`${user}-card`),
  });
}

/** `/mnemo privacy export`, read back from its code block. */
async function exported(user: string) {
  await h.command('privacy export', { user });
  const reply = h.lastResponse(user);
  expect(reply.response_type).toBe('ephemeral');
  const text = ((reply.blocks as { text?: { text: string } }[])[0]?.text?.text ?? '') as string;
  const [, json = ''] = /```([\s\S]*)```/.exec(text) ?? [];
  return JSON.parse(json.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
}

describe('/mnemo privacy', () => {
  it('GIVEN a review THEN export shows it, delete asks then erases with counts, and export again is empty', async () => {
    await review('U700');
    const before = await exported('U700');
    expect(before).toMatchObject({ format: 'mnemo-personal-data/1', person: 'slack:T1:U700' });
    expect(before.reviews).toEqual([expect.objectContaining({ cardId: 'typed-1', tenantId: 'slack:T1' })]);

    await h.command('privacy delete', { user: 'U700' });
    const asked = h.lastResponse('U700');
    expect(textOf(asked)).toContain('erases your settings, card states, reviews');
    expect(buttonsIn(asked).map((button) => button.action_id)).toEqual(['mn:erase']);
    expect((await exported('U700')).reviews).toHaveLength(1);

    await h.click({
      user: 'U700',
      actionId: 'mn:erase',
      value: buttonIn(asked, 'mn:erase').value,
      responseUrl: h.fake.responseUrl('U700-erase'),
    });
    const erased = h.lastResponse('U700-erase');
    expect(erased.replace_original).toBe(true);
    expect(textOf(erased)).toContain('*Erased*');
    expect(textOf(erased)).toContain('1 review');
    expect(h.logs).toContainEqual(expect.objectContaining({ msg: 'personal data erased' }));

    expect(await exported('U700')).toMatchObject({
      settings: null,
      cardStates: [],
      reviews: [],
      prompts: [],
    });
  });

  it('GIVEN privacy with anything but export or delete THEN the help says so', async () => {
    const reply = await h.command('privacy everything', { user: 'U701' });
    expect(reply.text).toContain('privacy everything');
  });
});

describe('/mnemo settings leaderboard', () => {
  it('GIVEN leaderboard off THEN the person leaves the leaderboard; on brings them back', async () => {
    await review('U702', 'zoe');
    const board = async () => {
      await h.command('leaderboard', { user: 'U703' });
      return textOf(h.lastResponse('U703'));
    };
    const shown = await board();
    expect(shown).toContain('*zoe*');
    await h.command('settings leaderboard off', { user: 'U702' });
    expect(textOf(h.lastResponse('U702'))).toContain('You are *hidden* from leaderboards now.');
    const hidden = await board();
    expect(hidden).not.toContain('zoe');
    await h.command('settings leaderboard on', { user: 'U702' });
    expect(await board()).toEqual(shown);
  });
});
