import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReplyPictures } from '../../src/chat/pictures.ts';
import { PgProgressStore } from '../../src/db/stats-store.ts';
import { replyPictures } from '../../src/pictures/reply-pictures.ts';
import { buttonId, RESPONSE } from './support/client.ts';
import type { RecordedCall } from './support/fake-discord.ts';
import { APP_ID, buttonClick, STRING, sentMessage, slashCommand, type TestUser } from './support/payloads.ts';
import { type GatewayBot, type HttpBot, World } from './support/world.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GUILD = '1300000000000000601';

let world: World;
let http: HttpBot;
let gateway: GatewayBot;

beforeAll(async () => {
  world = await World.start();
  http = await world.httpBot();
  gateway = await world.gatewayBot();
});
afterAll(() => world.close());

/** A member answers the choice card right in the server. */
async function answerIn(user: TestUser) {
  const card = await http.send(
    slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'choice' }], { user, guild: GUILD }),
  );
  await http.send(
    buttonClick(buttonId(card.data, '2. bridge'), sentMessage(card.data), { user, guild: GUILD }),
  );
}

/** The edit of the interaction's first answer that adds its files. */
function fileEdit(token: string): Promise<RecordedCall> {
  const path = `/webhooks/${APP_ID}/${token}/messages/@original`;
  return world.fake.waitFor((call) => call.method === 'PATCH' && call.path === path);
}

function expectPng(call: RecordedCall, fileName: string): void {
  expect(call.files).toHaveLength(1);
  const [file] = call.files;
  expect(file?.fileName).toBe(fileName);
  expect(file?.contentType).toBe('image/png');
  expect(file?.bytes.subarray(0, 8)).toEqual(PNG_SIGNATURE);
  expect(call.body.attachments).toEqual([{ id: 0, filename: fileName, description: expect.any(String) }]);
}

describe('/stats and /leaderboard with their pictures', () => {
  it('GIVEN /stats over HTTP THEN the text answers at once, says the schedule is on the defaults, and the progress picture is added to it with its alt text', async () => {
    const user = world.newUser();
    await answerIn(user);
    const command = slashCommand('stats', [], { user, guild: null });
    const stats = await http.send(command);
    expect(stats.type).toBe(RESPONSE.MESSAGE);
    expect(stats.data.content).toContain('Reviewed today: **1**');
    expect(stats.data.content).toContain('Your schedule uses FSRS defaults until you have enough reviews');

    const edit = await fileEdit(command.token);
    expectPng(edit, 'progress.png');
    expect(edit.body.attachments[0].description).toMatch(/review/i);
  });

  it('GIVEN /leaderboard over the gateway THEN the picture of the top members is added, by name, mentioning no one', async () => {
    const user = world.newUser('ranked');
    await answerIn(user);
    const command = slashCommand('leaderboard', [], { guild: GUILD });
    const board = await gateway.send(command);
    expect(board.data.content).toContain(`<@${user.id}>`);

    const edit = await fileEdit(command.token);
    expectPng(edit, 'leaderboard.png');
    const alt: string = edit.body.attachments[0].description;
    expect(alt).toContain(user.global_name);
    expect(alt).not.toContain('<@');
  });

  it('GIVEN /stats that takes long enough to be deferred THEN the edit that answers it carries the text and the picture', async () => {
    // The picture is drawn after the deferral's timer has fired: timers run in the order they expire.
    const real = replyPictures(new PgProgressStore(world.db), world.clock, () => {});
    const pictures: ReplyPictures = {
      ...real,
      progress: async (person, stats) => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        return real.progress(person, stats);
      },
    };
    const slow = await world.httpBot({ pictures, timing: { deferAfterMs: 20 } });
    const command = slashCommand('stats', [], { user: world.newUser(), guild: null });
    const deferred = await slow.send(command);
    expect(deferred.type).toBe(RESPONSE.DEFERRED_MESSAGE);

    const edit = await fileEdit(command.token);
    expect(edit.body.content).toContain('📊 **Your progress**');
    expectPng(edit, 'progress.png');
  });

  it('GIVEN a picture that cannot be drawn THEN /stats still answers with its text, the failure is reported, and no file is sent', async () => {
    const failures: string[] = [];
    const broken: ReplyPictures = {
      progress: () => Promise.reject(new Error('the renderer broke')),
      leaderboard: () => Promise.reject(new Error('the renderer broke')),
      onError: (error, picture) => failures.push(`${picture}: ${(error as Error).message}`),
    };
    const bot = await world.httpBot({ pictures: broken });
    const command = slashCommand('stats', [], { user: world.newUser(), guild: null });
    const stats = await bot.send(command);
    expect(stats.type).toBe(RESPONSE.MESSAGE);
    expect(stats.data.content).toContain('📊 **Your progress**');
    expect(failures).toEqual(['progress: the renderer broke']);
    expect(world.fake.calls.filter((call) => call.path.includes(command.token))).toEqual([]);
  });
});
