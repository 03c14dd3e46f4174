import type { types } from '@slack/bolt';
import type { Form, FormField, FormValues } from '../../../chat/forms.ts';
import { translate } from '../../../chat/i18n/catalog.ts';
import { DEFAULT_LOCALE } from '../../../chat/i18n/locale.ts';
import type { Say } from '../../../chat/messages.ts';
import type { ViewSubmissionPayload } from '../payloads.ts';
import { escapeText, section, sections } from './blocks.ts';

const plainText = (text: string) => ({ type: 'plain_text', text }) as const;

/** Pure: a form as a modal. Each field is a block whose id is the field's; the submission is read back by it. */
export function renderForm(
  form: Form,
  callbackId: string,
  privateMetadata: string,
  say: Say,
): types.ModalView {
  const intro = form.intro && ('text' in form.intro ? escapeText(form.intro.text) : say(form.intro.key));
  return {
    type: 'modal',
    callback_id: callbackId,
    private_metadata: privateMetadata,
    title: plainText(say(form.title)),
    submit: plainText(say(form.submit)),
    close: plainText(say(form.close)),
    blocks: [
      ...(intro ? sections(intro) : []),
      ...form.fields.map(
        (field): types.InputBlock => ({
          type: 'input',
          block_id: field.id,
          label: plainText(say(field.label)),
          ...(field.hint ? { hint: plainText(say(field.hint)) } : {}),
          ...(field.optional ? { optional: true } : {}),
          element: elementOf(field, say),
        }),
      ),
    ],
  };
}

function elementOf(field: FormField, say: Say): types.InputBlock['element'] {
  const action_id = field.kind === 'file' ? 'file' : 'value';
  switch (field.kind) {
    case 'text':
      return {
        type: 'plain_text_input',
        action_id,
        max_length: field.maxLength,
        ...(field.initial === undefined ? {} : { initial_value: field.initial }),
        ...(field.focus ? { focus_on_load: true } : {}),
        ...(field.placeholder ? { placeholder: plainText(say(field.placeholder)) } : {}),
      };
    case 'number':
      return {
        type: 'number_input',
        action_id,
        is_decimal_allowed: false,
        initial_value: String(field.initial),
        min_value: String(field.min),
        max_value: String(field.max),
      };
    case 'switch': {
      const on = { text: plainText(say('settingsForm.on')), value: 'on' };
      const off = { text: plainText(say('settingsForm.off')), value: 'off' };
      return {
        type: 'radio_buttons',
        action_id,
        options: [on, off],
        initial_option: field.initial ? on : off,
      };
    }
    case 'time':
      return { type: 'timepicker', action_id, initial_time: field.initial };
    case 'file':
      return { type: 'file_input', action_id, max_files: 1 };
  }
}

type Submitted = ViewSubmissionPayload['view']['state']['values'][string][string];

/**
 * A submission's values by field id (the one input of each block, whatever its action id: forms opened by
 * an earlier version named them otherwise). A block that was sent has its key, even when left empty.
 */
export function formValues(payload: ViewSubmissionPayload): FormValues {
  const entries = Object.entries(payload.view.state.values).map(([id, actions]) => {
    const input: Submitted | undefined = Object.values(actions)[0];
    return [id, input?.value ?? input?.selected_option?.value ?? input?.selected_time ?? undefined];
  });
  return Object.fromEntries(entries);
}

/** The file given to a form's file field. */
export function formFile(payload: ViewSubmissionPayload, fieldId: string) {
  const input: Submitted | undefined = Object.values(payload.view.state.values[fieldId] ?? {})[0];
  return input?.files?.[0];
}

/** Shown in place of a modal when its submission failed unexpectedly (in English, as the apology is). */
export function renderApologyModal(text: string): types.ModalView {
  return {
    type: 'modal',
    title: plainText('Mnemo'),
    close: plainText(translate(DEFAULT_LOCALE, 'slack.close')),
    blocks: [section(text)],
  };
}
