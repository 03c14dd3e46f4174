import { describe, expect, it } from 'vitest';
import { decodeClick, slackButton } from '../../src/adapters/slack/actions.ts';
import { actions } from '../../src/adapters/slack/render/blocks.ts';
import { NOTHING_CARRIED } from '../../src/chat/action-code.ts';
import type { ChatButton } from '../../src/chat/reply.ts';

const PROMPT = '0b7c5a9e-2f0d-4a8e-9d1c-3c5e7f9a1b2d';
const button = (action: ChatButton['action']): ChatButton => ({
  label: { text: 'x' },
  action,
  style: 'secondary',
});

describe('Slack action ids within one actions block', () => {
  it('GIVEN Suspend and Bury THEN each has its own action id, and each click reads back as its action', () => {
    const row = actions(
      [
        button({ kind: 'suspend', promptId: PROMPT, deckId: 'docker' }),
        button({ kind: 'bury', promptId: PROMPT, deckId: 'docker' }),
      ].map((b) => slackButton(b, NOTHING_CARRIED, 'en')),
    );
    const elements = row.elements as { action_id: string; value: string }[];
    expect(elements.map((e) => e.action_id)).toEqual(['mn:study:sus', 'mn:study:bury']);
    expect(elements.map((e) => decodeClick(e.action_id, e.value)?.action)).toEqual([
      { kind: 'suspend', promptId: PROMPT, deckId: 'docker' },
      { kind: 'bury', promptId: PROMPT, deckId: 'docker' },
    ]);
  });

  it('GIVEN two Unsuspend buttons THEN the second id is made unique, and both still read back by their value', () => {
    const row = actions(
      ['docker-1', 'docker-2'].map((cardId) =>
        slackButton(button({ kind: 'unsuspend', cardId }), NOTHING_CARRIED, 'en'),
      ),
    );
    const elements = row.elements as { action_id: string; value: string }[];
    expect(elements.map((e) => e.action_id)).toEqual(['mn:study:unsus', 'mn:study:unsus:2']);
    expect(elements.map((e) => decodeClick(e.action_id, e.value)?.action)).toEqual([
      { kind: 'unsuspend', cardId: 'docker-1' },
      { kind: 'unsuspend', cardId: 'docker-2' },
    ]);
  });
});
