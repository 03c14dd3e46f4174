import type { App, RespondArguments } from '@slack/bolt';
import { type CommandAction, RESCHEDULE } from '../../../chat/action.ts';
import { runCommand } from '../../../chat/commands.ts';
import type { DeckFileAction } from '../../../chat/deck-files.ts';
import { chooseLocale } from '../../../chat/i18n/locale.ts';
import { sayer, wordsOf } from '../../../chat/messages.ts';
import { personOf, placeOf } from '../identity.ts';
import { type CommandPayload, commandPayload, commandText } from '../payloads.ts';
import { escapeText, note, type SlackMessage } from '../render/blocks.ts';
import { renderHelp } from '../render/info.ts';
import { slackStyle } from '../render/reply.ts';
import { type ReplyMode, respondTo } from '../send/respond.ts';
import { runDaily } from './daily.ts';
import { openDeckImport, runDeckFileStep } from './deck-files.ts';
import type { ListenerDeps } from './deps.ts';
import { APOLOGY, guarded, tenantOf, trackAck } from './guard.ts';
import { readerLocale } from './locale.ts';
import { runPrivacyStep } from './privacy.ts';
import { runChat, sendReply } from './quiz-flow.ts';
import { openSettings } from './settings.ts';
import { parseSubcommand, type Subcommand } from './subcommand.ts';

type Ack = (reply?: RespondArguments) => Promise<void>;

/** The one slash command, `/mnemo <subcommand>`. Every reply is ephemeral: only the person who typed it sees it. */
export function registerCommand(app: App, deps: ListenerDeps): void {
  app.command(deps.command, async ({ body, ack }) => {
    const tracked = trackAck(ack as Ack);
    const subcommand = parseSubcommand(commandText(body.text));
    let responseUrl: string | null = null;
    await guarded(
      deps.log,
      { tenant: tenantOf(body), command: `${deps.command} ${subcommand.name}` },
      async () => {
        const payload = commandPayload.parse(body);
        responseUrl = payload.response_url;
        await run(deps, payload, subcommand, tracked.ack);
      },
      async () => {
        if (!tracked.acked()) await tracked.ack(ephemeral(note(APOLOGY)));
        else if (responseUrl) await respondTo(responseUrl, note(APOLOGY), 'ephemeral');
      },
    );
  });
}

async function run(
  deps: ListenerDeps,
  payload: CommandPayload,
  subcommand: Subcommand,
  ack: Ack,
): Promise<void> {
  const place = placeOf(payload.team_id, payload.team_domain);
  const person = personOf(payload.team_id, payload.user_id, payload.user_name);
  const reply = (message: SlackMessage, mode: ReplyMode = 'ephemeral') =>
    respondTo(payload.response_url, message, mode);
  // Help is answered in the acknowledgement: in the person's chosen language, without asking Slack.
  const sayNow = async () =>
    sayer(slackStyle(deps.command), chooseLocale(await deps.quiz.language(person), null));
  switch (subcommand.name) {
    case 'help':
      return ack(ephemeral(renderHelp(deps.command, await sayNow())));
    case 'unknown': {
      const say = await sayNow();
      const prefix = say('slack.unknownWord', { word: escapeText(subcommand.word) });
      return ack(ephemeral(renderHelp(deps.command, say, prefix)));
    }
    case 'settings':
      await ack();
      return openSettings(deps, place, person, payload.trigger_id, payload.response_url);
    case 'deck-import':
      // The trigger lasts 3 s: acknowledged first, the form opened straight after one users.info.
      await ack();
      return openDeckImport(deps, person, payload.user_id, payload.trigger_id, payload.response_url, reply);
  }
  // Everything below reads or writes the database: acknowledge first, answer through response_url.
  await ack();
  // Asked only where it is needed: a daily command reads users.info once, for the admin check.
  const locale = () => readerLocale(deps, person);
  switch (subcommand.name) {
    case 'quiz': {
      const { deck, tag, practice } = subcommand;
      if (deck !== null && !(await deps.community.deck(place, deck))) {
        const unknown = wordsOf(
          { code: 'UNKNOWN_DECK', deckId: deck },
          slackStyle(deps.command),
          await locale(),
        );
        return reply(note(unknown));
      }
      const action = { kind: practice ? 'practice' : 'quiz', deckId: deck, tag } as const;
      return runChat(deps, action, null, { place, person, reply });
    }
    case 'deck-export':
    case 'deck-visibility': {
      const { deck } = subcommand;
      const action: DeckFileAction =
        subcommand.name === 'deck-export'
          ? { kind: 'deckExport', deckId: deck, format: subcommand.format }
          : { kind: 'deckVisibility', deckId: deck, hidden: subcommand.hidden };
      return runDeckFileStep(deps, action, { place, person, slackUserId: payload.user_id, reply });
    }
    case 'privacy-export':
      return runPrivacyStep(deps, { kind: 'exportData' }, { person, reply });
    case 'privacy-delete':
      return runPrivacyStep(deps, { kind: 'askErase' }, { person, reply });
    case 'leaderboard-visibility':
      return runPrivacyStep(
        deps,
        { kind: 'leaderboardVisibility', hidden: subcommand.hidden },
        { person, reply },
      );
    case 'settings-suspended':
    case 'reschedule':
    case 'language':
    case 'stats':
    case 'decks':
    case 'leaderboard': {
      // Every reply to the command is ephemeral, a leaderboard's too: a slash command's text is never shown.
      const action = commandActionOf(subcommand);
      const appLocale =
        subcommand.name === 'language' ? await deps.locales.of(payload.team_id, payload.user_id) : null;
      const chat = await runCommand(deps, action, { place, person, request: null, appLocale });
      return sendReply(deps, chat, { person, reply }, { files: 'optional' });
    }
    default:
      return reply(await runDaily(deps, place, person, payload.user_id, subcommand));
  }
}

function commandActionOf(
  subcommand: Extract<
    Subcommand,
    { name: 'settings-suspended' | 'reschedule' | 'language' | 'stats' | 'decks' | 'leaderboard' }
  >,
): CommandAction {
  switch (subcommand.name) {
    case 'settings-suspended':
      return { kind: 'settings', patch: {}, reminder: null };
    case 'reschedule':
      return RESCHEDULE;
    case 'language':
      return { kind: 'settings', patch: {}, reminder: null, language: subcommand.language };
    case 'leaderboard':
      return { kind: 'leaderboard', period: subcommand.period };
    default:
      return { kind: subcommand.name };
  }
}

function ephemeral(message: SlackMessage): RespondArguments {
  return { response_type: 'ephemeral', ...message };
}
