import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonIn, buttonsIn, SlackHarness, textOf } from './support/harness.ts';
import { quizDecks, reviewsOf } from './support/store.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
});
afterAll(() => h.close());

describe('/mnemo quiz, end to end over POST /slack/events', () => {
  it('GIVEN a signed /mnemo quiz, an Answer click and a modal submission THEN the whole review is stored and the verdict replaces the question', async () => {
    const ada = { user: 'U100', name: 'ada' };
    const command = await h.command('quiz typed', ada);
    expect(command).toEqual({ status: 200, text: '' });

    const question = h.lastResponse('U100');
    expect(question.response_type).toBe('ephemeral');
    expect(textOf(question)).toContain('What is a running instance of a Docker image called?');
    expect(buttonsIn(question).map((button) => button.action_id)).toEqual(['mn:answer', 'mn:give-up']);

    await h.click({
      ...ada,
      actionId: 'mn:answer',
      value: buttonIn(question, 'mn:answer').value,
      responseUrl: h.fake.responseUrl('U100-card'),
    });
    const [opened] = h.fake.callsTo('views.open');
    expect(opened?.args.trigger_id).toBe('trigger-U100');
    const modal = opened?.args.view as { callback_id: string; private_metadata: string; blocks: unknown[] };
    expect(modal.callback_id).toBe('mn:answer-modal');
    expect(JSON.stringify(modal.blocks)).toContain('What is a running instance of a Docker image called?');

    h.clock.advance(10_000); // a typical answer: Good, not Easy
    const submitted = await h.submit({
      ...ada,
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: { answer: { text: { type: 'plain_text_input', value: 'a container' } } },
    });
    expect(submitted).toEqual({ status: 200, text: '' }); // an empty 200 closes the modal

    const verdict = h.lastResponse('U100-card');
    expect(verdict.replace_original).toBe(true);
    expect(textOf(verdict)).toContain('*Correct!*');
    expect(textOf(verdict)).toContain('Rated *Good* · back *in');
    expect(buttonsIn(verdict).map((button) => button.action_id)).toEqual([
      'mn:next',
      'mn:study:sus',
      'mn:study:bury',
    ]);
    expect(await reviewsOf(h.db, 'T1:U100')).toEqual([
      {
        tenantId: 'slack:T1',
        cardId: 'typed-1',
        rating: 3,
        verdict: 'correct',
        answer: 'a container',
        supersededBy: null,
        disputeOf: null,
      },
    ]);
  });

  it('GIVEN a question longer than a button value can carry THEN the answer modal shows all of it, escaped; GIVEN someone else clicks Answer THEN no modal opens', async () => {
    await h.command('quiz long', { user: 'U110', name: 'grace' });
    const question = h.lastResponse('U110');
    const value = buttonIn(question, 'mn:answer').value;
    expect(value.length).toBeLessThan(2_000);
    const before = h.fake.callsTo('views.open').length;
    await h.click({
      user: 'U111',
      actionId: 'mn:answer',
      value,
      responseUrl: h.fake.responseUrl('U111-card'),
    });
    expect(h.fake.callsTo('views.open')).toHaveLength(before);
    expect(textOf(h.lastResponse('U111-card'))).toContain('no longer open');

    await h.click({
      user: 'U110',
      actionId: 'mn:answer',
      value,
      responseUrl: h.fake.responseUrl('U110-card'),
    });
    const modal = h.fake.callsTo('views.open').at(-1)?.args.view as {
      blocks: { type: string; text?: { text: string } }[];
    };
    // Slack allows 3,000 characters per section: the question is cut, at spaces, into several.
    const parts = modal.blocks
      .filter((block) => block.type === 'section')
      .map((block) => block.text?.text ?? '');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= 3_000)).toBe(true);
    expect(parts.join(' ')).toBe(
      `${'Given a &lt;table&gt; &amp; its many rows, '.repeat(80)}what splits it across servers?`,
    );
  });

  it('GIVEN a multiple-choice card THEN each option is a button, a wrong pick shows the right answer, and "I was right" re-rates it', async () => {
    const bob = { user: 'U101' };
    await h.command('quiz choice', bob);
    const question = h.lastResponse('U101');
    expect(buttonsIn(question).map((button) => [button.action_id, button.text.text])).toEqual([
      ['mn:choice:0', 'host'],
      ['mn:choice:1', 'bridge'],
      ['mn:choice:2', 'overlay'],
    ]);

    const card = h.fake.responseUrl('U101-card');
    await h.click({
      ...bob,
      actionId: 'mn:choice:0',
      value: buttonIn(question, 'mn:choice:0').value,
      responseUrl: card,
    });
    const verdict = h.lastResponse('U101-card');
    expect(textOf(verdict)).toContain('*Not quite.*');
    expect(textOf(verdict)).toContain('*Answer:* bridge');
    expect(buttonsIn(verdict).map((button) => button.action_id)).toEqual([
      'mn:next',
      'mn:right',
      'mn:study:sus',
      'mn:study:bury',
    ]);

    await h.click({
      ...bob,
      actionId: 'mn:right',
      value: buttonIn(verdict, 'mn:right').value,
      responseUrl: card,
    });
    expect(textOf(h.lastResponse('U101-card'))).toContain('Re-rated *Good*; back');
    const log = await reviewsOf(h.db, 'T1:U101');
    expect(log.map((row) => [row.rating, row.verdict, row.answer])).toEqual([
      [1, 'wrong', 'host'],
      [3, 'correct', 'host'],
    ]);
    expect(log[0]?.supersededBy).not.toBeNull();
  });

  it('GIVEN the same option clicked twice (a double click) THEN the answer counts once', async () => {
    const cy = { user: 'U102' };
    await h.command('quiz choice', cy);
    const value = buttonIn(h.lastResponse('U102'), 'mn:choice:1').value;
    const card = h.fake.responseUrl('U102-card');
    await h.click({ ...cy, actionId: 'mn:choice:1', value, responseUrl: card });
    await h.click({ ...cy, actionId: 'mn:choice:1', value, responseUrl: card });
    expect(textOf(h.lastResponse('U102-card'))).toContain('Already answered');
    expect(await reviewsOf(h.db, 'T1:U102')).toHaveLength(1);
  });

  it('GIVEN a self-graded card THEN "Show answer" reveals it with Again / Hard / Good / Easy, and the rating is stored', async () => {
    const di = { user: 'U103' };
    await h.command('quiz self', di);
    const question = h.lastResponse('U103');
    expect(buttonsIn(question).map((button) => button.text.text)).toEqual(['Show answer']);

    const card = h.fake.responseUrl('U103-card');
    await h.click({
      ...di,
      actionId: 'mn:reveal',
      value: buttonIn(question, 'mn:reveal').value,
      responseUrl: card,
    });
    const revealed = h.lastResponse('U103-card');
    expect(revealed.replace_original).toBe(true);
    expect(textOf(revealed)).toContain('Each instruction adds a cached, shared layer.');
    expect(buttonsIn(revealed).map((button) => button.text.text)).toEqual(['Again', 'Hard', 'Good', 'Easy']);

    await h.click({
      ...di,
      actionId: 'mn:rate:2',
      value: buttonIn(revealed, 'mn:rate:2').value,
      responseUrl: card,
    });
    expect(textOf(h.lastResponse('U103-card'))).toContain('Rated *Hard*');
    expect((await reviewsOf(h.db, 'T1:U103')).map((row) => [row.cardId, row.rating, row.verdict])).toEqual([
      ['self-1', 2, 'self'],
    ]);
  });

  it('GIVEN "I don\'t know" then "Next card" THEN the card counts as forgotten and the next card replaces the verdict', async () => {
    const ed = { user: 'U104' };
    await h.command('quiz typed', ed);
    const card = h.fake.responseUrl('U104-card');
    const giveUp = buttonIn(h.lastResponse('U104'), 'mn:give-up');
    await h.click({ ...ed, actionId: 'mn:give-up', value: giveUp.value, responseUrl: card });
    const verdict = h.lastResponse('U104-card');
    expect(textOf(verdict)).toContain('*Answer:* container');
    expect(textOf(verdict)).toContain('An image is the template; a container runs it.');
    expect((await reviewsOf(h.db, 'T1:U104')).map((row) => row.rating)).toEqual([1]);

    await h.click({
      ...ed,
      actionId: 'mn:next',
      value: buttonIn(verdict, 'mn:next').value,
      responseUrl: card,
    });
    const next = h.lastResponse('U104-card');
    expect(next.replace_original).toBe(true);
    expect(textOf(next)).toContain('What runs virtual machines?');
  });

  it('GIVEN every card of a deck reviewed THEN /mnemo quiz says when the next one is due', async () => {
    const fay = { user: 'U105' };
    await h.command('quiz choice', fay);
    const value = buttonIn(h.lastResponse('U105'), 'mn:choice:1').value;
    await h.click({ ...fay, actionId: 'mn:choice:1', value, responseUrl: h.fake.responseUrl('U105-card') });
    await h.command('quiz choice', fay);
    expect(textOf(h.lastResponse('U105'))).toMatch(
      /Nothing due right now in `choice`\. The next card is due in \d+ minutes/,
    );
  });

  it('GIVEN a deck that does not exist THEN the reply says so and points to /mnemo decks', async () => {
    await h.command('quiz nosuch', { user: 'U106' });
    expect(textOf(h.lastResponse('U106'))).toContain('There is no deck “nosuch”: `/mnemo decks` shows them.');
  });
});

describe('/mnemo help, stats, decks, leaderboard', () => {
  it('GIVEN an unknown subcommand THEN the help text, listing every subcommand, comes back ephemeral in the ack', async () => {
    const reply = await h.command('dance', { user: 'U110' });
    const body = JSON.parse(reply.text);
    expect(body.response_type).toBe('ephemeral');
    const help = textOf(body);
    expect(help).toContain("I don't know `dance`.");
    for (const sub of [
      'quiz [deck]',
      'stats',
      'settings',
      'decks',
      'leaderboard',
      'daily #channel HH:MM',
      'daily off',
      'daily list',
      'help',
    ]) {
      expect(help).toContain(`/mnemo ${sub}`);
    }
    expect(JSON.parse((await h.command('', { user: 'U110' })).text).blocks).toEqual(
      JSON.parse((await h.command('help', { user: 'U110' })).text).blocks,
    );
  });

  it('GIVEN reviews done THEN /mnemo stats shows due counts, streak and retention, and /mnemo leaderboard ranks people by name only', async () => {
    await h.command('stats', { user: 'U100', name: 'ada' });
    const stats = textOf(h.lastResponse('U100'));
    expect(stats).toContain('*Reviewed today:* 1');
    expect(stats).toContain('*Retention (30 days):* 100%');
    expect(stats).toContain('*Streak:* 1 day');

    await h.command('leaderboard week', { user: 'U100', name: 'ada' });
    const board = textOf(h.lastResponse('U100'));
    expect(board).toContain('*ada*');
    expect(board).not.toContain('<@');
  });

  it('GIVEN loaded decks THEN /mnemo decks lists them with their card counts', async () => {
    await h.command('decks', { user: 'U111' });
    const decks = textOf(h.lastResponse('U111'));
    expect(decks).toContain('*Deck typed* (`typed`): 2 cards');
    expect(decks).toContain('*Deck choice* (`choice`): 1 card');
  });
});
