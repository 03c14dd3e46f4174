import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonIn, buttonsIn, SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
  h.fake.users.set('U0MEMBER', { id: 'U0MEMBER', is_admin: false, is_owner: false, tz: 'UTC' });
  h.fake.users.set('U0ADMIN', { id: 'U0ADMIN', is_admin: true, tz: 'UTC' });
});
afterAll(() => h.close());

/** The value of the button labelled `label`. */
function labelled(message: Record<string, unknown>, label: string): { actionId: string; value: string } {
  const found = buttonsIn(message).find((button) => button.text.text === label);
  if (!found) throw new Error(`no button ${label} in ${buttonsIn(message).map((b) => b.text.text)}`);
  return { actionId: found.action_id, value: found.value ?? '' };
}

/** `/mnemo quiz typed`, then "I don't know": the verdict. */
async function forget(person: { user: string; name: string }) {
  await h.command('quiz typed', person);
  const question = h.lastResponse(person.user);
  await h.click({
    ...person,
    actionId: 'mn:give-up',
    value: buttonIn(question, 'mn:give-up').value,
    responseUrl: h.fake.responseUrl(`${person.user}-card`),
  });
  return h.lastResponse(`${person.user}-card`);
}

async function press(
  person: { user: string; name: string },
  message: Record<string, unknown>,
  label: string,
) {
  const url = `${person.user}-${label.replace(/\W/g, '')}`;
  await h.click({ ...person, ...labelled(message, label), responseUrl: h.fake.responseUrl(url) });
  return h.lastResponse(url);
}

describe('study controls on Slack', () => {
  it('GIVEN an answer WHEN Suspend THEN /mnemo settings suspended lists it and Unsuspend 1 brings it back', async () => {
    const bea = { user: 'U200', name: 'bea' };
    const verdict = await forget(bea);
    const suspended = await press(bea, verdict, 'Suspend');
    expect(textOf(suspended)).toContain('`typed-1` is *suspended*');

    await h.command('quiz typed', bea);
    expect(textOf(h.lastResponse('U200'))).toContain('What runs virtual machines?');

    await h.command('settings suspended', bea);
    const settings = h.lastResponse('U200');
    expect(textOf(settings)).toContain('*Suspended cards*');
    expect(buttonsIn(settings).map((button) => button.text.text)).toEqual(['Unsuspend 1']);
    const back = await press(bea, settings, 'Unsuspend 1');
    expect(textOf(back)).toContain('`typed-1` is back in your reviews.');
  });

  it('GIVEN an answer WHEN Bury THEN it is buried until the next day', async () => {
    const cid = { user: 'U201', name: 'cid' };
    const buried = await press(cid, await forget(cid), 'Bury');
    expect(textOf(buried)).toContain('`typed-1` is *buried* until');
  });

  it('GIVEN /mnemo quiz practice typed THEN a reviewed card is practised and the verdict says so', async () => {
    const dee = { user: 'U202', name: 'dee' };
    await forget(dee);
    await h.command('quiz practice typed', dee);
    const question = h.lastResponse('U202');
    expect(textOf(question)).toContain('What is a running instance of a Docker image called?');
    await h.click({
      ...dee,
      actionId: 'mn:give-up',
      value: buttonIn(question, 'mn:give-up').value,
      responseUrl: h.fake.responseUrl('U202-practice'),
    });
    const verdict = h.lastResponse('U202-practice');
    expect(textOf(verdict)).toContain('Practice: logged apart, your schedule is unchanged.');
    expect(buttonsIn(verdict).map((button) => button.text.text)).toEqual(['Practise more']);
  });

  it('GIVEN /mnemo quiz #tag of no card THEN nothing is due', async () => {
    await h.command('quiz typed #no-such-tag', { user: 'U203', name: 'eve' });
    expect(textOf(h.lastResponse('U203'))).toContain('Nothing to review');
  });

  it('GIVEN /mnemo deck leeches THEN a member is refused and an admin gets the list', async () => {
    await h.command('deck leeches', { user: 'U0MEMBER', name: 'member' });
    expect(textOf(h.lastResponse('U0MEMBER'))).toContain("can list this workspace's leeches");
    await h.command('deck leeches', { user: 'U0ADMIN', name: 'admin' });
    expect(textOf(h.lastResponse('U0ADMIN'))).toContain('No card became a leech');
  });
});
