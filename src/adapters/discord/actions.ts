import type { Action } from '../../chat/action.ts';
import type { Locale } from '../../chat/i18n/locale.ts';
import { type ChatButton, labelOf } from '../../chat/reply.ts';
import { isStudyAction, studyCodeOf } from '../../chat/study-code.ts';
import { MnemoError } from '../../core/errors.ts';
import { type Action as DiscordAction, encodeAction, type Scope } from './custom-id.ts';
import type { ButtonInteraction, ModalInteraction } from './interaction.ts';
import { ANSWER_FIELD } from './render.ts';
import { type Button, rowsOf } from './reply.ts';

/** Chat actions in Discord's custom-id format and back (custom-id.ts keeps the format of buttons already posted). */

/** A button always comes with its message; were one to come without, no count is updated. */
export const NO_MESSAGE = '0';

/** What a custom id carries besides the action: the server (in a DM) and the channel's post of a daily question. */
export interface Carried {
  guildId: string | null;
  messageId: string;
}

/** For a reply that answers no button: a command's. */
export const NOTHING_CARRIED: Carried = { guildId: null, messageId: NO_MESSAGE };

/** The chat action behind a Discord action; a modal's typed answer comes from its field. */
export function chatActionOf(action: DiscordAction, fields: Record<string, string> = {}): Action {
  const text = fields[ANSWER_FIELD] ?? '';
  switch (action.kind) {
    case 'openAnswer':
    case 'dontKnow':
    case 'reveal':
      return { kind: action.kind, promptId: action.promptId, deckId: action.scope.deckId };
    case 'typedAnswer':
      return { kind: 'typedAnswer', promptId: action.promptId, deckId: action.scope.deckId, text };
    case 'choose':
      return {
        kind: 'choose',
        promptId: action.promptId,
        deckId: action.scope.deckId,
        option: action.option,
      };
    case 'rate':
      return { kind: 'rate', promptId: action.promptId, deckId: action.scope.deckId, rating: action.rating };
    case 'next':
      return { kind: 'next', deckId: action.scope.deckId };
    case 'dispute':
      return { kind: 'dispute', reviewId: action.reviewId, deckId: null };
    case 'showMore':
    case 'erase':
    case 'confirmImport':
    case 'cancelImport':
      return action;
    case 'startReview':
      return { kind: 'startReview' };
    case 'dailyChoose':
      return { kind: 'dailyChoose', daily: dailyOf(action), option: action.option };
    case 'dailyOpenAnswer':
    case 'dailyReveal':
      return { kind: action.kind, daily: dailyOf(action) };
    case 'dailyTypedAnswer':
      return { kind: 'dailyTypedAnswer', daily: dailyOf(action), text };
    case 'dailyRate':
      return {
        kind: 'dailyRate',
        deliveryId: action.deliveryId,
        promptId: action.promptId,
        rating: action.rating,
      };
    case 'study':
      return action.action;
  }
}

function dailyOf(action: { deliveryId: number; cardId: string }) {
  return { deliveryId: action.deliveryId, cardId: action.cardId };
}

/** What Discord's custom ids carry: the server only where the interaction will not tell it (a DM). */
export function carriedBy(action: DiscordAction, interaction: ButtonInteraction | ModalInteraction): Carried {
  const scopeGuild =
    'scope' in action ? action.scope.guildId : action.kind === 'startReview' ? action.guildId : null;
  const messageId = action.kind === 'dailyRate' ? action.messageId : (interaction.message?.id ?? NO_MESSAGE);
  return { guildId: interaction.guildId === null ? scopeGuild : null, messageId };
}

/** The custom id of a chat action, in Discord's format. */
export function customIdOf(action: Action, carried: Carried): string {
  const scope = (deckId: string | null): Scope => ({ deckId, guildId: carried.guildId });
  if (isStudyAction(action)) {
    return encodeAction({ kind: 'study', action, scope: scope(studyCodeOf(action).deckId) });
  }
  switch (action.kind) {
    case 'openAnswer':
    case 'dontKnow':
    case 'reveal':
      return encodeAction({ kind: action.kind, promptId: action.promptId, scope: scope(action.deckId) });
    case 'typedAnswer':
      return encodeAction({ kind: 'typedAnswer', promptId: action.promptId, scope: scope(action.deckId) });
    case 'choose':
      return encodeAction({
        kind: 'choose',
        promptId: action.promptId,
        option: action.option,
        scope: scope(action.deckId),
      });
    case 'rate':
      return encodeAction({
        kind: 'rate',
        promptId: action.promptId,
        rating: action.rating,
        scope: scope(action.deckId),
      });
    case 'next':
      return encodeAction({ kind: 'next', scope: scope(action.deckId) });
    case 'dispute':
      return encodeAction({ kind: 'dispute', reviewId: action.reviewId });
    case 'showMore':
    case 'erase':
    case 'confirmImport':
    case 'cancelImport':
      return encodeAction(action);
    case 'dailyChoose':
      return encodeAction({ kind: 'dailyChoose', ...action.daily, option: action.option });
    case 'dailyOpenAnswer':
    case 'dailyTypedAnswer':
    case 'dailyReveal':
      return encodeAction({ kind: action.kind, ...action.daily });
    case 'dailyRate':
      return encodeAction({ ...action, messageId: carried.messageId });
    case 'startReview':
    case 'quiz':
      throw new MnemoError('INVARIANT', `a ${action.kind} action is not a button of a reply`);
  }
}

/** Buttons in rows: options in rows of five (six sit better as two rows of three), the others in one row. */
export function buttonRowsOf(
  buttons: ChatButton[],
  idOf: (action: Action) => string,
  locale: Locale,
): Button[][] {
  const options = buttons.filter((b) => b.action.kind === 'choose' || b.action.kind === 'dailyChoose');
  const shown = buttons.map((button) => ({
    label: numbered(options.indexOf(button), labelOf(button.label, locale)),
    customId: idOf(button.action),
    style: button.style,
    ...(button.disabled === undefined ? {} : { disabled: button.disabled }),
  }));
  return rowsOf(shown, options.length > 5 ? 3 : 5);
}

/** An option's label after its number (`2. Paris`), as the message lists the options. */
function numbered(index: number, label: string): string {
  return index < 0 ? label : `${index + 1}. ${label}`;
}
