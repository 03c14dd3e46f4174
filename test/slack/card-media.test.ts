import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaDecks, PNG_SIGNATURE, storeMediaDeckFiles } from '../support/media-decks.ts';
import { buttonIn, SlackHarness, textOf } from './support/harness.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: mediaDecks() });
  await storeMediaDeckFiles(h.db.db);
});
afterAll(() => h.close());

/** What each upload asked for (files.uploadV2's first step), from the `from`th on. */
const uploadsFrom = (from: number) =>
  h.fake
    .callsTo('files.getUploadURLExternal')
    .slice(from)
    .map((call) => ({ name: call.args.filename, alt: call.args.alt_text }));

describe('a card with pictures, sound and maths on Slack', () => {
  it("GIVEN /mnemo quiz on a card with a picture THEN the question comes back ephemeral and the picture is uploaded to the person's DM with its alt text; the verdict uploads the note's map and sound", async () => {
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    await h.command('quiz pics', { user: 'U700' });
    const question = h.lastResponse('U700');
    expect(textOf(question)).toContain('Whose flag is this?');
    expect(uploadsFrom(before)).toEqual([{ name: 'flag-de.png', alt: 'German flag' }]);
    const completed = h.fake.callsTo('files.completeUploadExternal').at(-1);
    expect(completed?.args.channel_id).toBe('D700');
    expect([...h.fake.uploads.values()].at(-1)?.subarray(0, 8)).toEqual(PNG_SIGNATURE);

    const shown = h.fake.callsTo('files.getUploadURLExternal').length;
    await h.click({
      user: 'U700',
      actionId: 'mn:give-up',
      value: buttonIn(question, 'mn:give-up').value,
      responseUrl: h.fake.responseUrl('U700-card'),
    });
    expect(textOf(h.lastResponse('U700-card'))).toContain('Germany');
    expect(uploadsFrom(shown)).toEqual([
      { name: 'flag-de.png', alt: 'German flag' },
      { name: 'map.png', alt: 'Map of Germany' },
      { name: 'anthem.mp3', alt: 'anthem.mp3' },
    ]);
  });

  it('GIVEN a formula in a question THEN its text shows the TeX and its PNG is uploaded with the TeX as alt text', async () => {
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    await h.command('quiz maths', { user: 'U701' });
    expect(textOf(h.lastResponse('U701'))).toContain('e^{i\\\\pi} + 1');
    expect(uploadsFrom(before)).toEqual([
      { name: expect.stringMatching(/^math-[0-9a-f]{12}\.png$/), alt: '$e^{i\\pi} + 1$' },
    ]);
  });

  it("GIVEN a question of the day with a picture THEN the picture is uploaded in the post's thread, with its alt text", async () => {
    const card = mediaDecks()[0]?.cards[0];
    if (!card) throw new Error('no card');
    const before = h.fake.callsTo('files.getUploadURLExternal').length;
    const question = {
      deliveryId: 9_002,
      tenantId: 'slack:T1',
      channelId: 'C0DAILY',
      card,
      localDate: '2026-05-04',
      locale: 'en' as const,
    };
    const sent = await h.adapter.messenger.postDailyQuestion(question, 'k-9002');
    expect(uploadsFrom(before)).toEqual([{ name: 'flag-de.png', alt: 'German flag' }]);
    const completed = h.fake.callsTo('files.completeUploadExternal').at(-1);
    expect(completed?.args).toMatchObject({ channel_id: 'C0DAILY', thread_ts: sent.messageId });
  });

  it('GIVEN Slack refuses the upload THEN the card still arrives and a warning is logged', async () => {
    h.fake.script('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope' } });
    await h.command('quiz pics', { user: 'U702' });
    expect(textOf(h.lastResponse('U702'))).toContain('Whose flag is this?');
    expect(
      h.logs.some((line) => line.level === 40 && line.msg.includes('picture could not be uploaded')),
    ).toBe(true);
  });
});
