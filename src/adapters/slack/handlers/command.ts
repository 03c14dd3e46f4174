import { type Action, type CommandAction, RESCHEDULE } from '../../../chat/action.ts';
import { NOTHING_CARRIED } from '../../../chat/action-code.ts';
import { runCommand } from '../../../chat/commands.ts';
import type { DeckFileAction } from '../../../chat/deck-files.ts';
import { DECK_IMPORT_FORM } from '../../../chat/forms.ts';
import { chooseLocale } from '../../../chat/i18n/locale.ts';
import { type Say, wordsOf } from '../../../chat/messages.ts';
import type { PrivacyAction } from '../../../chat/privacy.ts';
import { settingsForm } from '../../../chat/settings-form.ts';
import { writeModalState } from '../actions.ts';
import { personOf, placeOf } from '../identity.ts';
import type { CommandPayload } from '../payloads.ts';
import { escapeText, note, type SlackMessage } from '../render/blocks.ts';
import { renderHelp, renderReply, slackStyle } from '../render/reply.ts';
import { respondTo } from '../send/respond.ts';
import { workspaceRights } from '../send/user-locales.ts';
import {
  type ListenerDeps,
  openForm,
  readerLocale,
  runChat,
  runDeckFileStep,
  runPrivacyStep,
  type Step,
  sayIn,
  sendReply,
} from './steps.ts';
import type { Subcommand } from './subcommand.ts';

/** What a subcommand asks, and of which flow. */
type Routed =
  | { to: 'chat'; action: Action }
  | { to: 'command'; action: CommandAction }
  /** For workspace admins: their rights (and, for a question of the day, their time zone) read from Slack. */
  | { to: 'admin'; action: (adminTimeZone: string | null) => CommandAction }
  | { to: 'privacy'; action: PrivacyAction }
  | { to: 'deckFiles'; action: DeckFileAction }
  | { to: Extract<Subcommand['name'], 'help' | 'unknown' | 'settings' | 'deck-import' | 'daily-usage'> };

/** The one table of `/mnemo <subcommand>`: each to the flow that answers it. */
function route(sub: Subcommand): Routed {
  switch (sub.name) {
    case 'quiz':
      return {
        to: 'chat',
        action: { kind: sub.practice ? 'practice' : 'quiz', deckId: sub.deck, tag: sub.tag },
      };
    case 'settings-suspended':
      return { to: 'command', action: { kind: 'settings', patch: {}, reminder: null } };
    case 'reschedule':
      return { to: 'command', action: RESCHEDULE };
    case 'language':
      return {
        to: 'command',
        action: { kind: 'settings', patch: {}, reminder: null, language: sub.language },
      };
    case 'leaderboard':
      return { to: 'command', action: { kind: 'leaderboard', period: sub.period } };
    case 'stats':
    case 'decks':
      return { to: 'command', action: { kind: sub.name } };
    case 'deck-leeches':
      return { to: 'admin', action: () => ({ kind: 'leeches' }) };
    case 'daily-list':
      return { to: 'admin', action: () => ({ kind: 'listDailies' }) };
    case 'daily-off':
      return { to: 'admin', action: () => ({ kind: 'stopDaily', channelId: sub.channelId }) };
    case 'daily-set': {
      const { channelId, localTime, deck, language } = sub;
      // Without a time zone, the admin's own, as Slack knows it.
      const set = (zone: string | null): CommandAction => ({
        kind: 'setDaily',
        channelId,
        localTime,
        timeZone: sub.timeZone ?? zone ?? 'UTC',
        deckId: deck,
        ...(language ? { language } : {}),
      });
      return { to: 'admin', action: set };
    }
    case 'privacy-export':
      return { to: 'privacy', action: { kind: 'exportData' } };
    case 'privacy-delete':
      return { to: 'privacy', action: { kind: 'askErase' } };
    case 'leaderboard-visibility':
      return { to: 'privacy', action: { kind: 'leaderboardVisibility', hidden: sub.hidden } };
    case 'deck-export':
      return { to: 'deckFiles', action: { kind: 'deckExport', deckId: sub.deck, format: sub.format } };
    case 'deck-visibility':
      return { to: 'deckFiles', action: { kind: 'deckVisibility', deckId: sub.deck, hidden: sub.hidden } };
    default:
      return { to: sub.name };
  }
}

/**
 * `/mnemo <subcommand>`. Every reply is ephemeral: only the person who typed it sees it, a leaderboard's
 * too (a slash command's text is never shown).
 */
export async function runSubcommand(
  deps: ListenerDeps,
  payload: CommandPayload,
  sub: Subcommand,
  ack: (message?: SlackMessage) => Promise<void>,
): Promise<void> {
  const place = placeOf(payload.team_id, payload.team_domain);
  const person = personOf(payload.team_id, payload.user_id, payload.user_name);
  const step: Step = {
    place,
    person,
    reply: (message, mode) => respondTo(payload.response_url, message, mode),
  };
  // Help and usage are said without asking Slack: in the person's chosen language, else English.
  const chosen = async () => sayIn(deps, chooseLocale(await deps.quiz.language(person), null));
  const routed = route(sub);
  if (routed.to === 'help') return ack(renderHelp(deps.command, await chosen()));
  if (sub.name === 'unknown') {
    const say = await chosen();
    return ack(renderHelp(deps.command, say, say('slack.unknownWord', { word: escapeText(sub.word) })));
  }
  // Everything else reads or writes the database: acknowledge first, answer through response_url.
  await ack();
  const opened = writeModalState({ responseUrl: payload.response_url });
  switch (routed.to) {
    case 'settings': {
      const [learner, reminder, locale] = await Promise.all([
        deps.quiz.settings(person),
        deps.community.reminder(place, person),
        readerLocale(deps, person),
      ]);
      return openForm(deps, settingsForm(learner, reminder), opened, payload.trigger_id, locale);
    }
    case 'deck-import': {
      // The trigger lasts 3 s: the form opens straight after one users.info. Others are told at once.
      const [{ isAdmin }, locale] = await Promise.all([
        workspaceRights(deps.api, payload.user_id),
        readerLocale(deps, person),
      ]);
      if (isAdmin) return openForm(deps, DECK_IMPORT_FORM, opened, payload.trigger_id, locale);
      return step.reply(
        note(wordsOf({ code: 'DECK_ADMINS_ONLY' }, slackStyle(deps.command), locale)),
        'ephemeral',
      );
    }
    case 'daily-usage':
      return step.reply(note(dailyUsage(await chosen(), deps.command)), 'ephemeral');
    case 'chat': {
      const { action } = routed;
      if (action.kind === 'quiz' || action.kind === 'practice') {
        const { deckId } = action;
        if (deckId !== null && !(await deps.community.deck(place, deckId))) {
          const words = wordsOf(
            { code: 'UNKNOWN_DECK', deckId },
            slackStyle(deps.command),
            await readerLocale(deps, person),
          );
          return step.reply(note(words), 'ephemeral');
        }
      }
      return runChat(deps, action, null, step);
    }
    case 'command': {
      const appLocale =
        sub.name === 'language' ? await deps.locales.of(payload.team_id, payload.user_id) : null;
      const reply = await runCommand(deps, routed.action, { place, person, request: null, appLocale });
      return sendReply(deps, reply, step, { files: 'optional' });
    }
    case 'admin': {
      // Read on every request, before anything is stored.
      const [rights, chosenLocale] = await Promise.all([
        workspaceRights(deps.api, payload.user_id),
        deps.quiz.language(person),
      ]);
      const reply = await runCommand(deps, routed.action(rights.timeZone), {
        place,
        person,
        isAdmin: rights.isAdmin,
        request: null,
        // Slack tells no workspace language: the admin's who sets the question is taken as the community's.
        communityLocale: rights.locale,
      });
      const locale = chooseLocale(chosenLocale, rights.locale);
      return step.reply(renderReply(reply, NOTHING_CARRIED, slackStyle(deps.command), locale), 'ephemeral');
    }
    case 'privacy':
      return runPrivacyStep(deps, routed.action, step);
    case 'deckFiles':
      return runDeckFileStep(deps, routed.action, step);
  }
}

function dailyUsage(say: Say, c: string): string {
  const usage = (['set', 'off', 'list'] as const).map((key) => `• ${say(`slack.dailyUsage.${key}`, { c })}`);
  return [say('slack.dailyUsage.title'), ...usage, say('slack.dailyUsage.tip')].join('\n');
}
