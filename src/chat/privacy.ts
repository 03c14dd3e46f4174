import type { Person } from '../core/people.ts';
import type { Privacy } from '../core/privacy/privacy.ts';
import type { Action } from './action.ts';
import { translate } from './i18n/catalog.ts';
import { DEFAULT_LOCALE } from './i18n/locale.ts';
import type { Message } from './messages.ts';
import { type Reply, replacing, whisper } from './reply.ts';

/** What a person asks of their own data, from a command or the confirmation button. */
export type PrivacyAction =
  | { kind: 'exportData' }
  /** `/privacy delete`: asks first; the confirmation button is `erase`. */
  | { kind: 'askErase' }
  | Extract<Action, { kind: 'erase' }>
  | { kind: 'leaderboardVisibility'; hidden: boolean };

export type PrivacyPort = Pick<Privacy, 'export' | 'erase' | 'setLeaderboardHidden'>;

/**
 * The longest export shown in a message: it must fit, with its code block and first line, in a Discord message
 * (2,000 characters) and a Slack section (3,000).
 */
export const EXPORT_MESSAGE_LIMIT = 1_800; // characters

/** The file a longer export is sent as. */
export const EXPORT_FILE_NAME = 'mnemo-data.json';

/** One flow per privacy action: the core call, then the neutral reply, only ever seen by the person. */
export async function runPrivacy(
  privacy: PrivacyPort,
  action: PrivacyAction,
  person: Person,
  onErased: (total: number) => void = () => {},
): Promise<Reply> {
  switch (action.kind) {
    case 'exportData': {
      const data = await privacy.export(person);
      // Backticks would end the code block; \u0060 reads back as the same JSON.
      const json = JSON.stringify(data).replaceAll('`', '\\u0060');
      if (json.length <= EXPORT_MESSAGE_LIMIT) return said({ code: 'EXPORT', json });
      // Too long for a message: the whole of it as a file, sent to the person only.
      const bytes = new TextEncoder().encode(JSON.stringify(data, null, 2));
      return {
        ...said({ code: 'EXPORT_FILE', bytes: bytes.length }),
        attachments: [
          {
            name: EXPORT_FILE_NAME,
            bytes,
            mime: 'application/json',
            description: translate(DEFAULT_LOCALE, 'EXPORT_FILE_DESCRIPTION'),
          },
        ],
      };
    }
    case 'askErase':
      return whisper({ kind: 'message', message: { code: 'ERASE_CONFIRM' } }, [
        { label: { key: 'button.eraseMyData' }, action: { kind: 'erase' }, style: 'danger' },
      ]);
    case 'erase': {
      const { erased, total } = await privacy.erase(person);
      onErased(total);
      return replacing({ kind: 'message', message: { code: 'ERASED', erased, total } });
    }
    case 'leaderboardVisibility':
      await privacy.setLeaderboardHidden(person, action.hidden);
      return said({ code: 'LEADERBOARD_VISIBILITY', hidden: action.hidden });
  }
}

function said(message: Message): Reply {
  return whisper({ kind: 'message', message });
}
