import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ownedKey } from '../../src/core/deck/owner.ts';
import { buttonIn, buttonsIn, SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

const CSV = 'question,answer\nWhat is 2 + 2?,4\nWhat is 3 × 3?,9\n';
const SUMS_T1 = ownedKey('slack:T1', 'sums');

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
  for (const team of ['T1', 'T2']) {
    h.fake.users.set(`U${team}ADMIN`, { id: `U${team}ADMIN`, is_admin: true });
    h.fake.users.set(`U${team}MEMBER`, { id: `U${team}MEMBER`, is_admin: false });
  }
});
afterAll(() => h.close());

/** `/mnemo deck import`, then the form submitted with the file; returns the preview posted where the command was. */
async function importFile(user: string, team: string, name: string, bytes: Uint8Array, deck = '') {
  await h.command('deck import', { user, team });
  const [opened] = h.fake.callsTo('views.open').slice(-1);
  const view = opened?.args.view as { callback_id: string; private_metadata: string };
  expect(view.callback_id).toBe('mn:deck-import');
  await h.submit({
    user,
    team,
    callbackId: view.callback_id,
    privateMetadata: view.private_metadata,
    values: {
      deck_file: { file: { type: 'file_input', files: [h.fake.shareFile(name, bytes)] } },
      deck_id: { value: { type: 'plain_text_input', value: deck } },
    },
  });
  return h.lastResponse(user);
}

const deckList = async (user: string, team: string) => {
  await h.command('deck list', { user, team });
  return textOf(h.lastResponse(user));
};

describe('/mnemo deck import', () => {
  it('GIVEN an admin uploads a CSV in the modal THEN it is fetched with the bot token, previewed, and stored only on Confirm, in that workspace only', async () => {
    const preview = await importFile('UT1ADMIN', 'T1', 'sums.csv', new TextEncoder().encode(CSV), 'sums');
    expect(h.fake.fileDownloads.at(-1)?.token).toBe('xoxb-test-token');
    const shown = textOf(preview);
    expect(shown).toContain('Import preview');
    expect(shown).toContain('2 notes');
    expect(shown).toContain('Scheduling data in the file');
    expect(textOf(h.fake.responsesTo('UT1ADMIN').at(-2) ?? {})).toContain('Downloading the file');
    expect(buttonsIn(preview).map((button) => button.action_id)).toEqual([
      'mn:import-ok',
      'mn:import-cancel',
    ]);
    expect(await deckList('UT1MEMBER', 'T1')).not.toContain(SUMS_T1);

    await h.click({
      user: 'UT1ADMIN',
      actionId: 'mn:import-ok',
      value: buttonIn(preview, 'mn:import-ok').value,
      responseUrl: h.fake.responseUrl('UT1ADMIN-confirm'),
    });
    const done = h.lastResponse('UT1ADMIN-confirm');
    expect(done.replace_original).toBe(true);
    expect(textOf(done)).toContain('Added 2');
    expect(await deckList('UT1MEMBER', 'T1')).toContain(SUMS_T1);
    expect(await deckList('UT2MEMBER', 'T2')).not.toContain(SUMS_T1);
  });

  it('GIVEN a member who is no admin THEN no form opens and they are told why', async () => {
    const opened = h.fake.callsTo('views.open').length;
    await h.command('deck import', { user: 'UT1MEMBER', team: 'T1' });
    expect(h.fake.callsTo('views.open')).toHaveLength(opened);
    expect(textOf(h.lastResponse('UT1MEMBER'))).toContain('import, export, hide or show decks');
  });

  it('GIVEN another workspace admin clicks a preview of T1 THEN nothing is stored for them', async () => {
    const preview = await importFile('UT1ADMIN', 'T1', 'more.csv', new TextEncoder().encode(CSV), 'more');
    await h.click({
      user: 'UT2ADMIN',
      team: 'T2',
      actionId: 'mn:import-ok',
      value: buttonIn(preview, 'mn:import-ok').value,
      responseUrl: h.fake.responseUrl('UT2ADMIN-confirm'),
    });
    expect(textOf(h.lastResponse('UT2ADMIN-confirm'))).toContain('no longer waiting');
    expect(await deckList('UT2MEMBER', 'T2')).not.toContain(ownedKey('slack:T2', 'more'));
  });

  it('GIVEN a file that is no deck THEN its problem is named, with no buttons', async () => {
    const refused = await importFile(
      'UT2ADMIN',
      'T2',
      'notes.txt',
      new TextEncoder().encode('plain words\n'),
    );
    expect(textOf(refused)).toContain('notes.txt: not a deck Mnemo reads');
    expect(buttonsIn(refused)).toEqual([]);
  });
});

describe('a file that is not on Slack', () => {
  it('GIVEN a form whose file URL names another host THEN nothing is fetched there and no token leaves', async () => {
    const { createServer } = await import('node:http');
    const seen: (string | undefined)[] = [];
    const elsewhere = createServer((request, response) => {
      seen.push(request.headers.authorization);
      response.end('question,answer\nx,y\n');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
    const port = (elsewhere.address() as { port: number }).port;
    try {
      await h.command('deck import', { user: 'UT1ADMIN', team: 'T1' });
      const [opened] = h.fake.callsTo('views.open').slice(-1);
      const view = opened?.args.view as { callback_id: string; private_metadata: string };
      const file = h.fake.shareFile('stolen.csv', new TextEncoder().encode(CSV));
      await h.submit({
        user: 'UT1ADMIN',
        team: 'T1',
        callbackId: view.callback_id,
        privateMetadata: view.private_metadata,
        values: {
          deck_file: {
            file: {
              type: 'file_input',
              files: [
                {
                  ...file,
                  url_private: `http://127.0.0.1:${port}/stolen.csv`,
                  url_private_download: undefined,
                },
              ],
            },
          },
          deck_id: { value: { type: 'plain_text_input', value: '' } },
        },
      });
      expect(textOf(h.lastResponse('UT1ADMIN'))).toContain('not a file Mnemo can fetch');
      expect(seen).toEqual([]);
    } finally {
      await new Promise((resolve) => elsewhere.close(resolve));
    }
  });
});

describe('/mnemo deck export | hide | show', () => {
  it("GIVEN an admin exports the workspace's deck THEN the Markdown file is uploaded to their DM", async () => {
    const uploads = h.fake.uploads.size;
    await h.command(`deck export ${SUMS_T1} md`, { user: 'UT1ADMIN', team: 'T1' });
    expect(textOf(h.lastResponse('UT1ADMIN'))).toContain('sums.md');
    const [asked] = h.fake.callsTo('files.getUploadURLExternal').slice(-1);
    expect(asked?.args).toMatchObject({ filename: 'sums.md' });
    expect(h.fake.uploads.size).toBe(uploads + 1);
    const file = [...h.fake.uploads.values()].at(-1)?.toString('utf8') ?? '';
    expect(file).toContain('id: sums');
    expect(file).toContain('What is 2 + 2?');

    await h.command(`deck export ${SUMS_T1}`, { user: 'UT2ADMIN', team: 'T2' });
    expect(textOf(h.lastResponse('UT2ADMIN'))).toContain('There is no deck');
  });

  it('GIVEN a bundled deck hidden by an admin THEN it leaves that workspace only, and comes back when shown', async () => {
    await h.command('deck hide typed', { user: 'UT1MEMBER', team: 'T1' });
    expect(textOf(h.lastResponse('UT1MEMBER'))).toContain('Only');
    expect(await deckList('UT1MEMBER', 'T1')).toContain('`typed`');

    await h.command('deck hide typed', { user: 'UT1ADMIN', team: 'T1' });
    expect(textOf(h.lastResponse('UT1ADMIN'))).toContain('hidden');
    expect(await deckList('UT1MEMBER', 'T1')).not.toContain('`typed`');
    expect(await deckList('UT2MEMBER', 'T2')).toContain('`typed`');

    await h.command('deck show typed', { user: 'UT1ADMIN', team: 'T1' });
    expect(await deckList('UT1MEMBER', 'T1')).toContain('`typed`');
  });
});
