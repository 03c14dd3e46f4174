import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeOf } from '../../src/adapters/slack/identity.ts';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { buttonIn, SlackHarness } from './support/harness.ts';
import { choiceCard } from './support/store.ts';

const LOUD = typedCard('loud-typed', '<!everyone>', {
  question: 'Who is pinged by <!channel>, <!here> & <@U0BOSS>?',
  note: 'See <https://evil.example|this link>.',
});
const LOUD_CODE = typedCard('code-flag', '-a', {
  question: 'Which flag of `ls <!channel>` shows *hidden* files?',
  note: 'Like this:\n```sh\nls -a # <!here> & <@U0BOSS>\n```\nthen <!everyone> and $x < y$.',
});
const LOUD_MATHS = typedCard('loud-maths', '2', {
  question: 'Solve $<!channel> + <@U0BOSS> = x$ for <!here>',
});
const LOUD_CHOICE = choiceCard('loud-choice', 'Pick <!channel>', ['<!here>', '<@U0BOSS>'], 0);

/** Anything Slack would turn into a mention or a link. */
const PINGS = /<!channel>|<!here>|<!everyone>|<@U0BOSS>|<https:/;

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({
    decks: [
      { ...deckOf('loud', [LOUD, LOUD_CHOICE]), title: 'Loud <!channel> deck & co' },
      deckOf('verbatim', [LOUD_CODE]),
      deckOf('loud-maths', [LOUD_MATHS]),
    ],
  });
});
afterAll(() => h.close());

describe('card and user text is escaped', () => {
  it('GIVEN a card containing <!channel>, <!here> and a user mention THEN the question shows them as plain text', async () => {
    await h.command('quiz', { user: 'U500' });
    const question = JSON.stringify(h.lastResponse('U500'));
    expect(question).not.toMatch(PINGS);
    expect(question).toContain('Who is pinged by &lt;!channel&gt;, &lt;!here&gt; &amp; &lt;@U0BOSS&gt;?');
  });

  it('GIVEN a typed answer with a mention THEN the verdict repeats it escaped, with the escaped answer and note', async () => {
    const value = buttonIn(h.lastResponse('U500'), 'mn:answer').value;
    await h.click({
      user: 'U500',
      actionId: 'mn:answer',
      value,
      responseUrl: h.fake.responseUrl('U500-card'),
    });
    const modal = h.fake.callsTo('views.open').at(-1)?.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(JSON.stringify(modal)).not.toMatch(PINGS);
    await h.submit({
      user: 'U500',
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: { answer: { text: { type: 'plain_text_input', value: '<!here> <@U0BOSS>' } } },
    });
    const verdict = JSON.stringify(h.lastResponse('U500-card'));
    expect(verdict).not.toMatch(PINGS);
    expect(verdict).toContain('*Your answer:* &lt;!here&gt; &lt;@U0BOSS&gt;');
    expect(verdict).toContain('*Answer:* &lt;!everyone&gt;');
  });

  it('GIVEN such a card as a channel question of the day THEN the public post cannot ping the channel', async () => {
    await h.adapter.messenger.postDailyQuestion(
      {
        deliveryId: 1,
        tenantId: placeOf('T1').tenantId,
        channelId: 'C0LOUD',
        card: LOUD_CHOICE,
        localDate: '2026-05-04',
        locale: 'en',
      },
      'k',
    );
    const post = h.fake.callsTo('chat.postMessage').at(-1)?.args ?? {};
    expect(JSON.stringify(post)).not.toMatch(PINGS);
    expect(post.text).toBe('Question of the day: Pick &lt;!channel&gt;');
  });

  it('GIVEN a typed answer with a NUL byte and 5,000 characters THEN the verdict shows it cleaned and cut to 2,000', async () => {
    await h.command('quiz', { user: 'U502' });
    const value = buttonIn(h.lastResponse('U502'), 'mn:answer').value;
    await h.click({
      user: 'U502',
      actionId: 'mn:answer',
      value,
      responseUrl: h.fake.responseUrl('U502-card'),
    });
    const modal = h.fake.callsTo('views.open').at(-1)?.args.view as {
      callback_id: string;
      private_metadata: string;
    };
    await h.submit({
      user: 'U502',
      callbackId: modal.callback_id,
      privateMetadata: modal.private_metadata,
      values: { answer: { text: { type: 'plain_text_input', value: `n\u0000o${'z'.repeat(5_000)}` } } },
    });
    const verdict = JSON.stringify(h.lastResponse('U502-card'));
    expect(verdict).toContain(`*Your answer:* no${'z'.repeat(1_998)}`);
    expect(verdict).not.toContain('z'.repeat(1_999));
  });

  it('GIVEN a deck title with <!channel> THEN /mnemo decks escapes it', async () => {
    await h.command('decks', { user: 'U501' });
    const decks = JSON.stringify(h.lastResponse('U501'));
    expect(decks).not.toMatch(PINGS);
    expect(decks).toContain('Loud &lt;!channel&gt; deck &amp; co');
  });

  it('GIVEN any mrkdwn text Mnemo sends THEN it is verbatim, so Slack does not link bare names', async () => {
    const texts = [...h.fake.responses.map((r) => r.body), ...h.fake.calls.map((c) => c.args)].flatMap(
      (message) =>
        [
          ...JSON.stringify(message).matchAll(/"type":"mrkdwn","text":"(?:[^"\\]|\\.)*"(,"verbatim":true)?/g),
        ].map((match) => match[1] !== undefined),
    );
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.every(Boolean)).toBe(true);
  });

  it('GIVEN mentions inside a formula THEN the question shows it escaped, and its picture is uploaded with the TeX as alt text only', async () => {
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    await h.command('quiz loud-maths', { user: 'U502' });
    const question = JSON.stringify(h.lastResponse('U502'));
    expect(question).not.toMatch(PINGS);
    expect(question).toContain('$&lt;!channel&gt; + &lt;@U0BOSS&gt; = x$');
    const uploads = h.fake.callsTo('files.getUploadURLExternal').slice(before);
    expect(uploads.map((call) => call.args.alt_text)).toEqual(['$<!channel> + <@U0BOSS> = x$']);
    // No message text goes with the file (no initial_comment): nothing Slack would read for mentions.
    const completed = h.fake.callsTo('files.completeUploadExternal').at(-1);
    expect(completed?.args.initial_comment).toBeUndefined();
  });

  it('GIVEN code holding <!channel>, <!here> and a mention THEN it is shown as code, and still escaped', async () => {
    await h.command('quiz verbatim', { user: 'U501' });
    const question = h.lastResponse('U501') as { blocks: unknown[] };
    expect(JSON.stringify(question)).not.toMatch(PINGS);
    expect(question.blocks[0]).toMatchInlineSnapshot(`
      {
        "text": {
          "text": "*Question* · \`verbatim\` · new
      Which flag of \`ls &lt;!channel&gt;\` shows *hidden* files?
      _Press *Answer* to type it, or *I don’t know* to see it._",
          "type": "mrkdwn",
          "verbatim": true,
        },
        "type": "section",
      }
    `);
    const value = buttonIn(question, 'mn:give-up').value;
    await h.click({
      user: 'U501',
      actionId: 'mn:give-up',
      value,
      responseUrl: h.fake.responseUrl('U501-card'),
    });
    const verdict = h.lastResponse('U501-card') as { blocks: unknown[] };
    expect(JSON.stringify(verdict)).not.toMatch(PINGS);
    expect(verdict.blocks[0]).toMatchInlineSnapshot(`
      {
        "text": {
          "text": "❌ *Not quite.*
      _Which flag of \`ls &lt;!channel&gt;\` shows *hidden* files?_
      *Your answer:* (none)
      *Answer:* -a
      *Note:* Like this:
      \`\`\`
      ls -a # &lt;!here&gt; &amp; &lt;@U0BOSS&gt;
      \`\`\`
      then &lt;!everyone&gt; and \`$x &lt; y$\`.
      Rated *Again* · back *in 1 minute*.",
          "type": "mrkdwn",
          "verbatim": true,
        },
        "type": "section",
      }
    `);
  });
});
