import type { types } from '@slack/bolt';
import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { START_REVIEW } from '../../../chat/flows.ts';
import type { Locale } from '../../../chat/i18n/locale.ts';
import { type StatsFigures, sayer, wordsOf } from '../../../chat/messages.ts';
import { slackButton } from '../actions.ts';
import { actions, context, section } from './blocks.ts';
import { slackStyle } from './reply.ts';

/** Pure: the App Home tab: due counts, streak, retention and "Start review", in the reader's language. */
export function renderHome(stats: StatsFigures, command: string, locale: Locale): types.HomeView {
  const style = slackStyle(command);
  const say = sayer(style, locale);
  const due = stats.dueNow > 0 ? say('home.due', { count: stats.dueNow }) : say('home.nothingDue');
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Mnemo' } },
      section(due),
      section(wordsOf({ code: 'STATS', stats }, style, locale)),
      actions([slackButton(START_REVIEW, NOTHING_CARRIED, locale)]),
      context(say('home.footer', { help: style.code(`${command} help`) })),
    ],
  };
}
