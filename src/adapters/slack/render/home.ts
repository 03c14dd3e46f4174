import type { types } from '@slack/bolt';
import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { START_REVIEW } from '../../../chat/flows.ts';
import { type StatsFigures, wordsOf } from '../../../chat/messages.ts';
import { slackButton } from '../actions.ts';
import { actions, context, section } from './blocks.ts';
import { slackStyle } from './reply.ts';

/** Pure: the App Home tab: due counts, streak, retention and "Start review". */
export function renderHome(stats: StatsFigures, command: string): types.HomeView {
  const due =
    stats.dueNow > 0
      ? `You have *${stats.dueNow}* card${stats.dueNow === 1 ? '' : 's'} to review now.`
      : 'Nothing is due right now. Start review to learn new cards.';
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Mnemo' } },
      section(due),
      section(wordsOf({ code: 'STATS', stats }, slackStyle(command))),
      actions([slackButton(START_REVIEW, NOTHING_CARRIED, 'en')]),
      context(`The review runs in your messages with Mnemo. \`${command} help\` lists every command.`),
    ],
  };
}
