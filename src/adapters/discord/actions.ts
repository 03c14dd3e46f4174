import type { Action } from '../../chat/action.ts';
import { type Carried, decodeAction, encodeAction } from '../../chat/action-code.ts';
import type { Locale } from '../../chat/i18n/locale.ts';
import { type ChatButton, labelOf } from '../../chat/reply.ts';
import type { ButtonInteraction, ModalInteraction } from './interaction.ts';
import { decodeLegacyId } from './legacy-id.ts';
import { ANSWER_FIELD } from './render.ts';
import { type Button, rowsOf } from './reply.ts';

/** Discord's limit on a component's or a modal's custom id. */
export const CUSTOM_ID_LIMIT = 100; // characters

/** A custom id: the shared action code, or the format of buttons an earlier version posted. */
export function decodeCustomId(customId: string): { action: Action; carried: Carried } | null {
  return decodeAction(customId) ?? decodeLegacyId(customId);
}

/** The action of a button or a submitted form (its typed answer from the form's field). */
export function actionOf(decoded: { action: Action }, interaction: ButtonInteraction | ModalInteraction) {
  const { action } = decoded;
  if (action.kind !== 'typedAnswer' && action.kind !== 'dailyTypedAnswer') return action;
  return { ...action, text: interaction.type === 'modal' ? (interaction.fields[ANSWER_FIELD] ?? '') : '' };
}

/**
 * The custom id of an action: the server rides along only in a DM (where the interaction does not say it),
 * and the channel post of a question of the day on its actions.
 */
export function customIdOf(action: Action, carried: Carried): string {
  return encodeAction(action, carried, CUSTOM_ID_LIMIT);
}

/** Buttons in rows: options in rows of five (six sit better as two rows of three), the others in one row. */
export function buttonRowsOf(buttons: ChatButton[], carried: Carried, locale: Locale): Button[][] {
  const options = buttons.filter((b) => b.action.kind === 'choose' || b.action.kind === 'dailyChoose');
  const shown = buttons.map((button) => ({
    label: numbered(options.indexOf(button), labelOf(button.label, locale)),
    customId: customIdOf(button.action, carried),
    style: button.style,
    ...(button.disabled === undefined ? {} : { disabled: button.disabled }),
  }));
  return rowsOf(shown, options.length > 5 ? 3 : 5);
}

/** An option's label after its number (`2. Paris`), as the message lists the options. */
function numbered(index: number, label: string): string {
  return index < 0 ? label : `${index + 1}. ${label}`;
}
