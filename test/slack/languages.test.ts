import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackHarness, textOf } from './support/harness.ts';
import { quizDecks } from './support/store.ts';

let h: SlackHarness;

beforeAll(async () => {
  h = await SlackHarness.start({ decks: quizDecks() });
  h.fake.users.set('U0ES', { id: 'U0ES', locale: 'es-ES' });
  h.fake.users.set('U0JA', { id: 'U0JA', locale: 'ja-JP' });
  h.fake.users.set('U0DE', { id: 'U0DE', locale: 'ja-JP' });
});
afterAll(() => h.close());

describe('languages on Slack', () => {
  it('GIVEN Slack users in Spanish and Japanese THEN /mnemo stats answers in each, asking users.info once', async () => {
    await h.command('stats', { user: 'U0ES' });
    expect(textOf(h.lastResponse('U0ES'))).toContain('*Tu progreso*');
    expect(textOf(h.lastResponse('U0ES'))).toContain('*Racha:* 0 días');
    await h.command('stats', { user: 'U0JA' });
    expect(textOf(h.lastResponse('U0JA'))).toContain('*あなたの進み具合*');
    await h.command('stats', { user: 'U0JA' });
    const asked = h.fake.callsTo('users.info').filter((call) => call.args.user === 'U0JA');
    expect(asked).toHaveLength(1);
    expect(String(asked[0]?.args.include_locale)).toBe('true');
  });

  it('GIVEN /mnemo settings language de THEN German replaces the Slack language', async () => {
    await h.command('settings language de', { user: 'U0DE' });
    expect(textOf(h.lastResponse('U0DE'))).toContain('Mnemo schreibt dir jetzt auf *Deutsch*');
    await h.command('stats', { user: 'U0DE' });
    expect(textOf(h.lastResponse('U0DE'))).toContain('*Dein Fortschritt*');
  });
});
