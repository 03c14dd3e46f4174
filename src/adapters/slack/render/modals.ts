import type { types } from '@slack/bolt';
import { translate } from '../../../chat/i18n/catalog.ts';
import { DEFAULT_LOCALE } from '../../../chat/i18n/locale.ts';
import type { Say } from '../../../chat/messages.ts';
import type { Reminder } from '../../../core/community/ports.ts';
import type { Learner } from '../../../core/quiz/ports.ts';
import { SETTING_LIMITS } from '../../../core/scheduling/settings.ts';
import { VIEW } from '../actions.ts';
import { section, sections } from './blocks.ts';

/** Pure: the modals. Block and action ids are what the submission handlers read back. */

export const ANSWER_INPUT = { block: 'answer', action: 'text' } as const;

/** `questionMrkdwn` is already escaped. */
export function renderAnswerModal(
  questionMrkdwn: string,
  privateMetadata: string,
  say: Say,
): types.ModalView {
  return {
    type: 'modal',
    callback_id: VIEW.answer,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: say('answerForm.title') },
    submit: { type: 'plain_text', text: say('answerForm.submit') },
    close: { type: 'plain_text', text: say('answerForm.cancel') },
    blocks: [
      ...sections(questionMrkdwn || say('answerForm.empty')),
      {
        type: 'input',
        block_id: ANSWER_INPUT.block,
        label: { type: 'plain_text', text: say('answerForm.label') },
        element: {
          type: 'plain_text_input',
          action_id: ANSWER_INPUT.action,
          max_length: 500,
          focus_on_load: true,
          placeholder: { type: 'plain_text', text: say('slack.answerPlaceholder') },
        },
      },
    ],
  };
}

/** The settings form's fields: block id, and the one action id inside each block. */
export const SETTINGS_FIELDS = {
  retention: { block: 'retention', action: 'value' },
  newPerDay: { block: 'new_per_day', action: 'value' },
  maxPerDay: { block: 'max_per_day', action: 'value' },
  timeZone: { block: 'time_zone', action: 'value' },
  leechLapses: { block: 'leech_lapses', action: 'value' },
  reminders: { block: 'reminders', action: 'value' },
  reminderTime: { block: 'reminder_time', action: 'value' },
} as const;

export function renderSettingsModal(
  learner: Learner,
  reminder: Reminder | null,
  privateMetadata: string,
  say: Say,
): types.ModalView {
  const f = SETTINGS_FIELDS;
  const { desiredRetention, newPerDay, maxReviewsPerDay, leechLapses } = SETTING_LIMITS;
  const on = { text: { type: 'plain_text', text: say('settingsForm.on') }, value: 'on' } as const;
  const off = { text: { type: 'plain_text', text: say('settingsForm.off') }, value: 'off' } as const;
  return {
    type: 'modal',
    callback_id: VIEW.settings,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: say('settingsForm.title') },
    submit: { type: 'plain_text', text: say('settingsForm.save') },
    close: { type: 'plain_text', text: say('settingsForm.cancel') },
    blocks: [
      numberInput(
        f.retention,
        say('settingsForm.retention'),
        Math.round(learner.desiredRetention * 100),
        [desiredRetention.min * 100, desiredRetention.max * 100],
        say('settingsForm.retentionHint'),
      ),
      numberInput(f.newPerDay, say('settingsForm.newPerDay'), learner.newPerDay, [
        newPerDay.min,
        newPerDay.max,
      ]),
      numberInput(f.maxPerDay, say('settingsForm.maxPerDay'), learner.maxReviewsPerDay, [
        maxReviewsPerDay.min,
        maxReviewsPerDay.max,
      ]),
      numberInput(
        f.leechLapses,
        say('settingsForm.leechLapses'),
        learner.leechLapses,
        [leechLapses.min, leechLapses.max],
        say('settingsForm.leechLapsesHint'),
      ),
      {
        type: 'input',
        block_id: f.timeZone.block,
        label: { type: 'plain_text', text: say('settingsForm.timeZone') },
        hint: {
          type: 'plain_text',
          text: say('settingsForm.timeZoneHint'),
        },
        element: {
          type: 'plain_text_input',
          action_id: f.timeZone.action,
          initial_value: learner.timeZone,
          max_length: 64,
        },
      },
      {
        type: 'input',
        block_id: f.reminders.block,
        label: { type: 'plain_text', text: say('settingsForm.reminders') },
        element: {
          type: 'radio_buttons',
          action_id: f.reminders.action,
          options: [on, off],
          initial_option: reminder?.enabled ? on : off,
        },
      },
      {
        type: 'input',
        block_id: f.reminderTime.block,
        label: { type: 'plain_text', text: say('settingsForm.reminderTime') },
        element: {
          type: 'timepicker',
          action_id: f.reminderTime.action,
          initial_time: reminder?.localTime ?? '09:00',
        },
      },
    ],
  };
}

function numberInput(
  field: { block: string; action: string },
  label: string,
  initial: number,
  [min, max]: [number, number],
  hint?: string,
): types.InputBlock {
  return {
    type: 'input',
    block_id: field.block,
    label: { type: 'plain_text', text: label },
    ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
    element: {
      type: 'number_input',
      action_id: field.action,
      is_decimal_allowed: false,
      initial_value: String(initial),
      min_value: String(Math.round(min)),
      max_value: String(Math.round(max)),
    },
  };
}

/** Shown in place of a modal when its submission failed unexpectedly (in English, as the apology is). */
export function renderApologyModal(text: string): types.ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Mnemo' },
    close: { type: 'plain_text', text: translate(DEFAULT_LOCALE, 'slack.close') },
    blocks: [section(text)],
  };
}

/** The deck import form's fields: the file, and the deck id for a file that names none. */
export const DECK_IMPORT_FIELDS = {
  file: { block: 'deck_file', action: 'file' },
  deck: { block: 'deck_id', action: 'value' },
} as const;

/** `/mnemo deck import`: a file input (one file) and an optional deck id. */
export function renderDeckImportModal(privateMetadata: string, say: Say): types.ModalView {
  const f = DECK_IMPORT_FIELDS;
  return {
    type: 'modal',
    callback_id: VIEW.deckImport,
    private_metadata: privateMetadata,
    title: { type: 'plain_text', text: say('deckImportForm.title') },
    submit: { type: 'plain_text', text: say('deckImportForm.submit') },
    close: { type: 'plain_text', text: say('deckImportForm.cancel') },
    blocks: [
      section(say('deckImportForm.intro')),
      {
        type: 'input',
        block_id: f.file.block,
        label: { type: 'plain_text', text: say('deckImportForm.file') },
        element: { type: 'file_input', action_id: f.file.action, max_files: 1 },
      },
      {
        type: 'input',
        block_id: f.deck.block,
        optional: true,
        label: { type: 'plain_text', text: say('deckImportForm.deck') },
        hint: {
          type: 'plain_text',
          text: say('deckImportForm.deckHint'),
        },
        element: { type: 'plain_text_input', action_id: f.deck.action, max_length: 50 },
      },
    ],
  };
}
