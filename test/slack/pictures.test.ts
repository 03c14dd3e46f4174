import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
});
afterAll(() => h.close());

describe('/mnemo stats with its picture', () => {
  it("GIVEN /mnemo stats THEN the text comes back ephemeral, and the progress picture is uploaded to the person's DM with its alt text", async () => {
    await h.command('stats', { user: 'U300', name: 'grace' });
    const stats = textOf(h.lastResponse('U300'));
    expect(stats).toContain('*Reviewed today:* 0');
    expect(stats).toContain('Your schedule uses FSRS defaults until you have enough reviews');

    const [asked] = h.fake.callsTo('files.getUploadURLExternal');
    expect(asked?.args).toMatchObject({ filename: 'progress.png' });
    expect(String(asked?.args.alt_text)).toMatch(/review/i);
    const [completed] = h.fake.callsTo('files.completeUploadExternal');
    expect(completed?.args.channel_id).toBe('D300');
    const [uploaded] = [...h.fake.uploads.values()];
    expect(uploaded?.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('GIVEN Slack refuses the upload (no files:write) THEN the text reply still arrives and a warning is logged', async () => {
    h.fake.script('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope' } });
    await h.command('stats', { user: 'U301', name: 'alan' });
    expect(textOf(h.lastResponse('U301'))).toContain('*Streak:* 0 days');
    expect(
      h.logs.some((line) => line.level === 40 && line.msg.includes('picture could not be uploaded')),
    ).toBe(true);
  });
});
