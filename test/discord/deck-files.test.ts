import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedKey } from '../../src/core/deck/owner.ts';
import { ankiPackage, BASIC, CLOZE } from '../support/anki-package.ts';
import { buttonId, RESPONSE } from './support/client.ts';
import type { RecordedCall } from './support/fake-discord.ts';
import {
  ADMIN_PERMISSIONS,
  APP_ID,
  ATTACHMENT,
  buttonClick,
  MANAGER_PERMISSIONS,
  STRING,
  sentMessage,
  slashCommand,
  subcommand,
  withAttachment,
} from './support/payloads.ts';
import { type HttpBot, type ResponseJson, World } from './support/world.ts';

const SERVER_A = '1300000000000000701';
const SERVER_B = '1300000000000000702';
const ARITHMETIC = ownedKey(`discord:${SERVER_A}`, 'arithmetic');
const CSV = 'question,answer\nWhat is 2 + 2?,4\nWhat is 3 × 3?,9\nName the first prime,2\n';

let world: World;
let bot: HttpBot;

beforeAll(async () => {
  world = await World.start();
  bot = await world.httpBot();
});
afterAll(() => world.close());

const admin = (guild: string) => ({ guild, permissions: MANAGER_PERMISSIONS });

/** `/deck import file:<name> [deck]` with the file on the fake CDN. */
function importCommand(
  name: string,
  bytes: Uint8Array,
  where: ReturnType<typeof admin> | { guild: string },
  deck?: string,
  size = bytes.length,
) {
  const options = [
    { name: 'file', type: ATTACHMENT, value: '1300000000000009001' },
    ...(deck ? [{ name: 'deck', type: STRING, value: deck }] : []),
  ];
  const url = world.fake.serveAttachment(name, bytes);
  return withAttachment(slashCommand('deck', [subcommand('import', options)], where), { url, name, size });
}

/** The first edit of the deferred answer whose text matches. */
function editMatching(token: string, text: RegExp, from = 0): Promise<RecordedCall> {
  const path = `/webhooks/${APP_ID}/${token}/messages/@original`;
  return world.fake.waitFor(
    (call) => call.method === 'PATCH' && call.path === path && text.test(call.body?.content ?? ''),
    from,
  );
}

const deckList = async (guild: string): Promise<string> =>
  (await bot.send(slashCommand('deck', [subcommand('list', [])], { guild }))).data.content;

/** Imports the CSV into a server through its preview; returns the preview's message. */
async function preview(guild: string): Promise<ResponseJson> {
  const command = importCommand('arithmetic.csv', new TextEncoder().encode(CSV), admin(guild), 'arithmetic');
  const from = world.fake.calls.length;
  const first = await bot.send(command);
  expect(first.type).toBe(RESPONSE.DEFERRED_MESSAGE);
  return (await editMatching(command.token, /Import preview|Nothing was imported/, from)).body;
}

describe('/deck import', () => {
  it('GIVEN an admin uploads a CSV THEN they see its progress and a preview, and nothing is stored before Confirm; after it, only that server has the deck', async () => {
    const command = importCommand(
      'arithmetic.csv',
      new TextEncoder().encode(CSV),
      admin(SERVER_A),
      'arithmetic',
    );
    const from = world.fake.calls.length;
    expect((await bot.send(command)).type).toBe(RESPONSE.DEFERRED_MESSAGE);
    await editMatching(command.token, /Downloading the file/, from);
    const shown = (await editMatching(command.token, /Import preview/, from)).body;
    expect(shown.content).toContain('arithmetic.csv');
    expect(shown.content).toContain('3 notes');
    expect(shown.content).toMatch(/3 (typed|self)/);
    expect(shown.content).toContain('To add 3');
    expect(shown.content).toContain('Scheduling data in the file');
    expect(world.fake.callsTo('GET', /^\/attachments\//).length).toBeGreaterThan(0);
    expect(await deckList(SERVER_A)).not.toContain(ARITHMETIC);

    const confirm = buttonId(shown, 'Confirm import');
    const message = sentMessage(shown, { type: 20 });
    const done = await bot.send(buttonClick(confirm, message, admin(SERVER_A)));
    expect(done.type).toBe(RESPONSE.UPDATE);
    expect(done.data.content).toContain('Imported');
    expect(done.data.content).toContain('Added 3');
    expect(await deckList(SERVER_A)).toContain(ARITHMETIC);
    expect(await deckList(SERVER_B)).not.toContain(ARITHMETIC);

    const again = await bot.send(buttonClick(confirm, message, admin(SERVER_A)));
    expect(again.data.content).toContain('no longer waiting');
  });

  it('GIVEN the same file imported again THEN the preview says nothing changes', async () => {
    const shown = await preview(SERVER_A);
    expect(shown.content).toContain('To add 0 · to update 0 · unchanged 3');
  });

  it('GIVEN a preview confirmed in another server, or cancelled THEN nothing is stored', async () => {
    const shown = await preview(SERVER_B);
    const message = sentMessage(shown);
    const elsewhere = await bot.send(
      buttonClick(buttonId(shown, 'Confirm import'), message, admin(SERVER_A)),
    );
    expect(elsewhere.data.content).toContain('no longer waiting');
    const cancelled = await bot.send(buttonClick(buttonId(shown, 'Cancel'), message, admin(SERVER_B)));
    expect(cancelled.data.content).toContain('Import cancelled');
    const late = await bot.send(buttonClick(buttonId(shown, 'Confirm import'), message, admin(SERVER_B)));
    expect(late.data.content).toContain('no longer waiting');
    expect(await deckList(SERVER_B)).not.toContain(ownedKey(`discord:${SERVER_B}`, 'arithmetic'));
  });

  it("GIVEN an Anki package in Anki's current layout THEN the preview counts its cards by kind and its media, and Confirm stores the deck", async () => {
    const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const apkg = await ankiPackage(
      {
        noteTypes: [BASIC, CLOZE],
        decks: [{ id: 10, name: 'Geography' }],
        notes: [
          {
            id: 1,
            guid: 'g1',
            noteType: BASIC.id,
            fields: ['Capital of France?', 'Paris'],
            decks: { 0: 10 },
          },
          {
            id: 2,
            guid: 'g2',
            noteType: BASIC.id,
            fields: ['Flag <img src="flag.png">', 'Germany'],
            decks: { 0: 10 },
          },
          {
            id: 3,
            guid: 'g3',
            noteType: CLOZE.id,
            fields: ['{{c1::Berlin}} is in {{c2::Germany}}', ''],
            decks: { 0: 10 },
          },
        ],
        media: { 'flag.png': PNG },
      },
      'anki21b',
    );
    const command = importCommand('geo.apkg', apkg, admin(SERVER_B));
    await bot.send(command);
    const shown = (await editMatching(command.token, /Import preview|Nothing was imported/)).body;
    expect(shown.content).toContain('Geography');
    expect(shown.content).toContain('3 notes');
    expect(shown.content).toMatch(/2 cloze/);
    expect(shown.content).toContain('To add 4');
    expect(shown.content).toContain('Media: 1 stored, 0 missing');
    expect(shown.content).toContain('Scheduling data in the file');
    const done = await bot.send(
      buttonClick(buttonId(shown, 'Confirm import'), sentMessage(shown), admin(SERVER_B)),
    );
    expect(done.data.content).toContain('Added 4');
    expect(await deckList(SERVER_B)).toContain(ownedKey(`discord:${SERVER_B}`, 'geography'));
    expect(await deckList(SERVER_A)).not.toContain(ownedKey(`discord:${SERVER_B}`, 'geography'));
  });

  it('GIVEN a member without Manage Server THEN the import is refused before the file is fetched', async () => {
    const fetched = world.fake.callsTo('GET', /^\/attachments\//).length;
    const command = importCommand('x.csv', new TextEncoder().encode(CSV), { guild: SERVER_B });
    await bot.send(command);
    const refused = await editMatching(command.token, /Only members with/);
    expect(refused.body.content).toContain('import, export, hide or show decks');
    expect(world.fake.callsTo('GET', /^\/attachments\//).length).toBe(fetched);
  });

  it('GIVEN a file that is no deck, or one announced over the bound THEN every problem is named and nothing is stored', async () => {
    const broken = importCommand('notes.txt', new TextEncoder().encode('just some words\n'), admin(SERVER_B));
    await bot.send(broken);
    const said = (await editMatching(broken.token, /Nothing was imported/)).body;
    expect(said.content).toContain('notes.txt: not a deck Mnemo reads');
    expect(said.components).toEqual([]);

    const huge = importCommand('big.apkg', new Uint8Array(10), admin(SERVER_B), undefined, 30 * 1024 * 1024);
    await bot.send(huge);
    const refused = (await editMatching(huge.token, /Nothing was imported/)).body.content;
    expect(refused).toContain('big.apkg: more than the 25 MB');
  });
});

describe('/deck export, hide and show', () => {
  it("GIVEN an admin exports the server's deck as CSV THEN the file is attached; another server cannot export it", async () => {
    const command = slashCommand(
      'deck',
      [
        subcommand('export', [
          { name: 'deck', type: STRING, value: ARITHMETIC },
          { name: 'format', type: STRING, value: 'csv' },
        ]),
      ],
      admin(SERVER_A),
    );
    const answer = await bot.send(command);
    expect(answer.data.content).toContain('arithmetic.csv');
    const path = `/webhooks/${APP_ID}/${command.token}/messages/@original`;
    const upload = await world.fake.waitFor((call) => call.path === path && call.files.length > 0);
    expect(upload.files[0]?.fileName).toBe('arithmetic.csv');
    expect(upload.files[0]?.bytes.toString('utf8')).toContain('What is 2 + 2?\t4');

    const other = await bot.send(
      slashCommand(
        'deck',
        [subcommand('export', [{ name: 'deck', type: STRING, value: ARITHMETIC }])],
        admin(SERVER_B),
      ),
    );
    expect(other.data.content).toContain('There is no deck');
  });

  it('GIVEN a bundled deck hidden in one server THEN it leaves that server’s list and quiz, not another’s, until shown again', async () => {
    const visibility = (name: 'hide' | 'show', permissions = ADMIN_PERMISSIONS) =>
      bot.send(
        slashCommand('deck', [subcommand(name, [{ name: 'deck', type: STRING, value: 'typed' }])], {
          guild: SERVER_A,
          permissions,
        }),
      );
    const member = await bot.send(
      slashCommand('deck', [subcommand('hide', [{ name: 'deck', type: STRING, value: 'typed' }])], {
        guild: SERVER_A,
      }),
    );
    expect(member.data.content).toContain('Only members with');
    expect(await deckList(SERVER_A)).toContain('(`typed`)');

    expect((await visibility('hide')).data.content).toContain('hidden');
    expect(await deckList(SERVER_A)).not.toContain('(`typed`)');
    expect(await deckList(SERVER_B)).toContain('(`typed`)');
    const quiz = await bot.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'typed' }], {
        guild: SERVER_A,
        user: world.newUser(),
      }),
    );
    expect(quiz.data.content).toContain('There is no deck');

    expect((await visibility('show')).data.content).toContain('shows');
    expect(await deckList(SERVER_A)).toContain('(`typed`)');
  });

  it('GIVEN a review of a bundled deck THEN the leaderboard counts it until the deck is hidden there', async () => {
    const user = world.newUser('reviewer');
    const card = await bot.send(
      slashCommand('quiz', [{ name: 'deck', type: STRING, value: 'typed' }], { guild: SERVER_B, user }),
    );
    await bot.send(
      buttonClick(buttonId(card.data, 'I don’t know'), sentMessage(card.data), { guild: SERVER_B, user }),
    );
    const board = async () =>
      (await bot.send(slashCommand('leaderboard', [], { guild: SERVER_B }))).data.content as string;
    const hide = (name: 'hide' | 'show') =>
      bot.send(
        slashCommand('deck', [subcommand(name, [{ name: 'deck', type: STRING, value: 'typed' }])], {
          guild: SERVER_B,
          permissions: ADMIN_PERMISSIONS,
        }),
      );
    expect(await board()).toContain(`<@${user.id}>: 1 review`);
    await hide('hide');
    expect(await board()).not.toContain(`<@${user.id}>`);
    await hide('show');
    expect(await board()).toContain(`<@${user.id}>: 1 review`);
  });

  it("GIVEN a server's own deck THEN it cannot be hidden as a bundled one", async () => {
    const answer = await bot.send(
      slashCommand('deck', [subcommand('hide', [{ name: 'deck', type: STRING, value: ARITHMETIC }])], {
        guild: SERVER_A,
        permissions: ADMIN_PERMISSIONS,
      }),
    );
    expect(answer.data.content).toContain('There is no deck');
    expect(await deckList(SERVER_A)).toContain(ARITHMETIC);
  });
});
