import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaStore } from '../../src/db/media-store.ts';
import { cardMedia } from '../../src/media/card-files.ts';
import { MathImages, renderMath } from '../../src/media/math.ts';
import { mediaDecks, PNG_SIGNATURE, storeMediaDeckFiles } from '../support/media-decks.ts';
import { buttonId, RESPONSE } from './support/client.ts';
import type { RecordedCall } from './support/fake-discord.ts';
import {
  APP_ID,
  buttonClick,
  CHANNEL,
  GUILD,
  STRING,
  sentMessage,
  slashCommand,
} from './support/payloads.ts';
import { type HttpBot, World } from './support/world.ts';

let world: World;
let http: HttpBot;
let renders: string[];

beforeAll(async () => {
  world = await World.start(mediaDecks());
  await storeMediaDeckFiles(world.db.db);
  renders = [];
  const store = new MediaStore(world.db.db);
  const math = new MathImages(store, (tex, display) => {
    renders.push(tex);
    return renderMath(tex, display);
  });
  const failures = (error: unknown) => {
    throw error;
  };
  http = await world.httpBot({ cardMedia: cardMedia(store, store, failures, math) });
});
afterAll(() => world.close());

/** The edit that adds the files to the answer of the interaction with this token. */
function fileEdit(token: string): Promise<RecordedCall> {
  const path = `/webhooks/${APP_ID}/${token}/messages/@original`;
  return world.fake.waitFor((call) => call.method === 'PATCH' && call.path === path && call.files.length > 0);
}

/** The files as Discord reads them: name, type and alt text (the attachment's description). */
function filesOf(call: RecordedCall) {
  return call.files.map((file, i) => ({
    name: file.fileName,
    type: file.contentType,
    alt: call.body.attachments[i]?.description,
  }));
}

describe('a card with pictures, sound and maths on Discord', () => {
  it('GIVEN a question with a picture THEN the picture is attached to it with its alt text; the verdict carries the note’s map (SVG drawn as PNG) and sound, and leaves out an SVG reading the disk', async () => {
    const user = world.newUser();
    const command = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'pics' }], { user });
    const card = await http.send(command);
    expect(card.type).toBe(RESPONSE.MESSAGE);
    expect(card.data.content).toContain('Whose flag is this?');
    const question = await fileEdit(command.token);
    expect(filesOf(question)).toEqual([{ name: 'flag-de.png', type: 'image/png', alt: 'German flag' }]);
    expect(question.files[0]?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);

    const click = buttonClick(buttonId(card.data, /know/), sentMessage(card.data), { user });
    const verdict = await http.send(click);
    // The verdict replaces the card: the card's files go, the verdict's own follow.
    expect(verdict.type).toBe(RESPONSE.UPDATE);
    expect(verdict.data.attachments).toEqual([]);
    const shown = await fileEdit(click.token);
    expect(filesOf(shown)).toEqual([
      { name: 'flag-de.png', type: 'image/png', alt: 'German flag' },
      { name: 'map.png', type: 'image/png', alt: 'Map of Germany' },
      { name: 'anthem.mp3', type: 'audio/mpeg', alt: 'anthem.mp3' },
    ]);
    expect(shown.files[1]?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('GIVEN maths in a question and its answer THEN each formula is a PNG with its TeX as alt text, rendered once: a second showing renders nothing', async () => {
    const first = world.newUser();
    const command = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'maths' }], { user: first });
    const card = await http.send(command);
    // The text still shows the TeX.
    expect(card.data.content).toContain('e^{i\\pi} + 1');
    const question = await fileEdit(command.token);
    expect(filesOf(question)).toEqual([
      { name: expect.stringMatching(/^math-[0-9a-f]{12}\.png$/), type: 'image/png', alt: '$e^{i\\pi} + 1$' },
    ]);
    expect(renders).toEqual(['e^{i\\pi} + 1']);

    const click = buttonClick(buttonId(card.data, 'Show answer'), sentMessage(card.data), { user: first });
    await http.send(click);
    const answer = await fileEdit(click.token);
    expect(filesOf(answer).map((file) => file.alt)).toEqual(['$e^{i\\pi} + 1$', '$$0$$']);
    expect(renders).toEqual(['e^{i\\pi} + 1', '0']);

    const second = world.newUser();
    const again = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'maths' }], { user: second });
    await http.send(again);
    expect(filesOf(await fileEdit(again.token))).toEqual(filesOf(question));
    expect(renders).toHaveLength(2);
  });

  it('GIVEN a question of the day with a picture THEN the channel post carries it, with its alt text and mentioning no one', async () => {
    const card = mediaDecks()[0]?.cards[0];
    if (!card) throw new Error('no card');
    const question = { deliveryId: 9_001, tenantId: `discord:${GUILD}`, channelId: CHANNEL, card };
    const sent = await http.adapter.messenger.postDailyQuestion(
      { ...question, localDate: '2026-05-04', locale: 'en' },
      'k-9001',
    );
    const post = world.fake.calls.find(
      (call) =>
        call.method === 'POST' && call.path === `/channels/${CHANNEL}/messages` && call.files.length > 0,
    );
    if (!post) throw new Error('no post with files');
    expect(sent.messageId).toBeTruthy();
    expect(post.body.content).toContain('Whose flag is this?');
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(filesOf(post)).toEqual([{ name: 'flag-de.png', type: 'image/png', alt: 'German flag' }]);
  });

  it('GIVEN the card files cannot be made THEN the card still goes out as text, with no files, and the failure is told', async () => {
    const failed: string[] = [];
    const broken = await world.httpBot({
      cardMedia: {
        files: () => Promise.reject(new Error('the media table is gone')),
        onError: (error, card) => failed.push(`${card.id}: ${(error as Error).message}`),
      },
    });
    const command = slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'pics' }], {
      user: world.newUser(),
    });
    const card = await broken.send(command);
    expect(card.type).toBe(RESPONSE.MESSAGE);
    expect(card.data.content).toContain('German flag');
    expect(failed).toEqual(['pics-flag: the media table is gone']);
    expect(world.fake.calls.filter((call) => call.path.includes(command.token))).toEqual([]);
  });
});
