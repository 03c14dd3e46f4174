import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckOf, typedCard } from '../support/fixtures.ts';
import { SlackHarness, textOf } from './support/harness.ts';

let h: SlackHarness;

beforeAll(async () => {
  const tagged = typedCard('net-1', 'bridge', {
    question: 'Which driver is the default?',
    tags: ['networking'],
  });
  const untagged = typedCard('net-2', 'overlay', { question: 'Which driver spans hosts?' });
  h = await SlackHarness.start({ decks: [deckOf('net', [tagged, untagged])] });
});
afterAll(() => h.close());

describe('/mnemo quiz #tag', () => {
  it('GIVEN a tag typed in capitals THEN its cards come, as Discord finds them with /quiz tag:', async () => {
    await h.command('quiz #Networking', { user: 'U900', name: 'ada' });
    expect(textOf(h.lastResponse('U900'))).toContain('Which driver is the default?');
    await h.command('quiz NET #NETWORKING', { user: 'U901', name: 'bob' });
    expect(textOf(h.lastResponse('U901'))).toContain('Which driver is the default?');
  });
});
