import {
  type APIActionRowComponent,
  type APIAllowedMentions,
  type APIButtonComponentWithCustomId,
  type APIInteractionResponse,
  ButtonStyle,
  ComponentType,
  InteractionResponseType,
  MessageFlags,
  TextInputStyle,
} from 'discord-api-types/v10';
import { type Carried, NOTHING_CARRIED } from '../../chat/action-code.ts';
import { bodyText, dailyQuestionText, questionText } from '../../chat/card-text.ts';
import { dailyButtons, START_REVIEW } from '../../chat/flows.ts';
import { ANSWER_LIMIT } from '../../chat/forms.ts';
import { chooseLocale, type Locale } from '../../chat/i18n/locale.ts';
import { type Message, type Say, type Style, sayer } from '../../chat/messages.ts';
import {
  type Attachment,
  type ButtonStyle as ButtonStyleName,
  type ChatButton,
  type Reply as ChatReply,
  whisper as chatWhisper,
  labelOf,
} from '../../chat/reply.ts';
import { clip, fitMessage, split } from '../../chat/text-cut.ts';
import type { Card } from '../../core/deck/card.ts';
import type { DailyQuestionState } from '../../core/delivery/ports.ts';
import { customIdOf } from './actions.ts';
import { cardText, escapeText, MESSAGE_LIMIT } from './text.ts';

/** The one renderer: from the chat layer's neutral Reply straight to Discord's payloads. */

/** How the chat layer's message table is written on Discord. */
export const DISCORD_STYLE: Style = {
  bold: (text) => `**${text}**`,
  emphasis: (text) => `*${text}*`,
  code: (text) => `\`${text}\``,
  text: (text) => escapeText(text),
  card: (text, within) => cardText(text, within),
  quizCommand: '/quiz',
  quizDeckCommand: (deckId) => `/quiz deck:${deckId}`,
  decksCommand: '/deck list',
  deckInfoCommand: '/deck info',
  place: 'server',
  dailySetCommand: '/daily set',
  admins: 'admins.discord',
  dailySetHint: null,
  settingsCommand: '/settings',
  settingOption: (name, value) => `/settings ${name}:${value}`,
  channel: (channelId) => (/^\d+$/.test(channelId) ? `<#${channelId}>` : escapeText(channelId)),
  fact: (label, value) => `${label}: **${value}**`,
  aside: (text) => `-# ${text}`,
  codeBlock: (text) => `\`\`\`json\n${text}\n\`\`\``,
  // A mention renders as the member's name in this server and pings no one (no message allows mentions).
  member: (row) =>
    /^\d+$/.test(row.externalId) ? `<@${row.externalId}>` : escapeText(row.displayName ?? row.externalId),
};

/** The catalog in a language, written in Discord's markdown. */
export function discordSay(locale: Locale): Say {
  return sayer(DISCORD_STYLE, locale);
}

/** The language of the person's Discord app, without their settings (an apology, an unknown button). */
export function appLocaleOf(interaction: { locale: string | null } | null): Locale {
  return chooseLocale(null, interaction?.locale ?? null);
}

/** Sent with every message: text never pings anyone, whatever it holds. */
const NO_MENTIONS: APIAllowedMentions = { parse: [] };
const BUTTON_LABEL_LIMIT = 80; // characters
const BUTTONS_PER_ROW = 5;
const MODAL_TITLE_LIMIT = 45; // characters
const MODAL_TEXT_LIMIT = 1_000; // characters: the question above the field
const CHOICE_LIMIT = 25; // choices per autocomplete answer
const CHOICE_TEXT_LIMIT = 100; // characters
/** "Show more" sends at most this many messages' worth of a card's text. */
const SHOW_MORE_LIMIT = 10 * MESSAGE_LIMIT; // characters
const STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const satisfies Record<ButtonStyleName, ButtonStyle>;

type Button = APIButtonComponentWithCustomId;

/** A message's body for REST: the channel, a webhook edit or a follow-up. Ephemeral flags only where asked. */
export interface MessageBody {
  content: string;
  components: APIActionRowComponent<Button>[];
  allowed_mentions: APIAllowedMentions;
  flags?: number;
}

/** A message as an interaction is answered with it, before it is sent one way or another. */
export interface MessageAnswer {
  kind: 'message';
  body: MessageBody;
  /** Seen by the person who clicked or typed only. */
  ephemeral: boolean;
  /** Replaces the message the button was on, instead of sending a new one. */
  update: boolean;
  /** Sent after the answer, each within the limit: the rest of a long text. */
  followUps: MessageBody[];
  /** Sent with the answer (the first answer gets them by an edit: see Exchange). */
  files?: Attachment[];
}

/** What a route answers: a message, or a response that only a fresh interaction takes (a modal, choices). */
export type Answer = MessageAnswer | { kind: 'modal' | 'choices'; response: APIInteractionResponse };

/** A message's body: its text within the limit, and its rows of buttons. */
export function messageBody(text: string, rows: Button[][] = []): MessageBody {
  return {
    content: fitMessage(text, MESSAGE_LIMIT).text,
    components: rows
      .filter((row) => row.length > 0)
      .map((components) => ({ type: ComponentType.ActionRow, components })),
    allowed_mentions: NO_MENTIONS,
  };
}

/** A body as only the person who acted sees it, when `ephemeral`. */
export function flagged(body: MessageBody, ephemeral: boolean): MessageBody {
  return ephemeral ? { ...body, flags: MessageFlags.Ephemeral } : body;
}

/** A sentence of the message table, only for the person, in a language. */
export function whisperMessage(message: Message, locale: Locale): Answer {
  return renderReply(chatWhisper({ kind: 'message', message }), NOTHING_CARRIED, locale);
}

/** Pure: a neutral reply as Discord shows it, in the reader's language (or the one the flow chose). */
export function renderReply(reply: ChatReply, carried: Carried, readerLocale: Locale): Answer {
  const locale = reply.locale ?? readerLocale;
  const { body } = reply;
  if (body.kind === 'answerForm') {
    const prompt = questionText(body.card, DISCORD_STYLE);
    return { kind: 'modal', response: answerFormResponse(customIdOf(body.submit, carried), prompt, locale) };
  }
  const ephemeral = reply.visibility === 'ephemeral';
  const [text = '', ...rest] =
    body.kind === 'fullAnswer'
      ? split(bodyText(body, DISCORD_STYLE, locale, SHOW_MORE_LIMIT), MESSAGE_LIMIT)
      : [bodyText(body, DISCORD_STYLE, locale, SHOW_MORE_LIMIT)];
  const promptId = body.kind === 'reveal' || body.kind === 'verdict' ? body.promptId : null;
  const fitted = fitMessage(text, MESSAGE_LIMIT);
  // Past the limit, a card's answer is cut and a "Show more" button sends the whole of it.
  const more =
    promptId !== null && fitted.cut ? buttonOf(SHOW_MORE(promptId), NOTHING_CARRIED, locale) : null;
  const rows = withButton(buttonRowsOf(reply.buttons, carried, locale), more);
  return {
    kind: 'message',
    body: messageBody(fitted.text, rows),
    ephemeral,
    update: reply.replace,
    followUps: rest.map((part) => flagged(messageBody(part), ephemeral)),
    ...(reply.attachments.length > 0 ? { files: reply.attachments } : {}),
  };
}

const SHOW_MORE = (promptId: string): ChatButton => ({
  label: { key: 'button.showMore' },
  action: { kind: 'showMore', promptId },
  style: 'secondary',
});

function buttonOf(button: ChatButton, carried: Carried, locale: Locale, number = ''): Button {
  return {
    type: ComponentType.Button,
    style: STYLES[button.style],
    label: clip(`${number}${labelOf(button.label, locale)}`, BUTTON_LABEL_LIMIT) || '…',
    custom_id: customIdOf(button.action, carried),
    disabled: button.disabled ?? false,
  };
}

/** One more button: in the first row if it has room, else in a row of its own. */
function withButton(rows: Button[][], button: Button | null): Button[][] {
  if (!button) return rows;
  const [first, ...rest] = rows;
  return first && first.length < BUTTONS_PER_ROW ? [[...first, button], ...rest] : [...rows, [button]];
}

/** Buttons in rows: options in rows of five (six sit better as two rows of three), the others in one row. */
function buttonRowsOf(buttons: ChatButton[], carried: Carried, locale: Locale): Button[][] {
  // An option's label after its number (`2. Paris`), as the message lists the options.
  const number = ({ action }: ChatButton) => ('option' in action ? `${action.option + 1}. ` : '');
  const shown = buttons.map((button) => buttonOf(button, carried, locale, number(button)));
  const options = buttons.filter((button) => 'option' in button.action).length;
  const perRow = options > BUTTONS_PER_ROW ? 3 : BUTTONS_PER_ROW;
  const rows: Button[][] = [];
  for (let i = 0; i < shown.length; i += perRow) rows.push(shown.slice(i, i + perRow));
  return rows;
}

/**
 * A channel's question of the day: everyone answers with the buttons, and sees their result alone. It is
 * public, so it is written in the channel's language (`locale`), not a reader's.
 */
export function dailyQuestionBody(
  card: Card,
  deliveryId: number,
  state: DailyQuestionState,
  locale: Locale,
): MessageBody {
  const buttons = dailyButtons(card, { deliveryId, cardId: card.id }, state.revealAnswer);
  const text = dailyQuestionText(card, state, DISCORD_STYLE, locale);
  return messageBody(text, buttonRowsOf(buttons, NOTHING_CARRIED, locale));
}

/** A DM reminder in the person's language: how many cards are due, and a button that starts the review in that server's name. */
export function reminderBody(dueCount: number, guildId: string, locale: Locale): MessageBody {
  const text = discordSay(locale)('reminder.due', { count: dueCount });
  return messageBody(text, buttonRowsOf([START_REVIEW], { place: guildId, post: null }, locale));
}

/** The custom id of the modal's one text field. */
export const ANSWER_FIELD = 'answer';

/** The form a typed answer is given in, with the question (already escaped) above its one field. */
export function answerFormResponse(customId: string, prompt: string, locale: Locale): APIInteractionResponse {
  const say = discordSay(locale);
  const question = fitMessage(prompt, MODAL_TEXT_LIMIT).text.trim();
  const data = {
    custom_id: customId,
    title: clip(say('answerForm.title'), MODAL_TITLE_LIMIT),
    components: [
      ...(question === '' ? [] : [{ type: ComponentType.TextDisplay as const, content: question }]),
      {
        type: ComponentType.Label as const,
        label: clip(say('answerForm.label'), MODAL_TITLE_LIMIT),
        component: {
          type: ComponentType.TextInput as const,
          custom_id: ANSWER_FIELD,
          style: TextInputStyle.Short,
          max_length: ANSWER_LIMIT,
          required: true,
        },
      },
    ],
  };
  return { type: InteractionResponseType.Modal, data };
}

/** Autocomplete's suggestions, as many and as long as Discord takes. */
export function choicesAnswer(choices: { name: string; value: string }[]): Answer {
  const data = {
    choices: choices.slice(0, CHOICE_LIMIT).map((choice) => ({
      name: clip(choice.name, CHOICE_TEXT_LIMIT),
      value: choice.value.slice(0, CHOICE_TEXT_LIMIT),
    })),
  };
  return {
    kind: 'choices',
    response: { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data },
  };
}

/** The interaction response Discord renders: a message (new or replacing), a modal, or autocomplete choices. */
export function interactionResponse(answer: Answer): APIInteractionResponse {
  if (answer.kind !== 'message') return answer.response;
  // An update drops the files of the message it replaces; its own files follow (see Exchange).
  return answer.update
    ? { type: InteractionResponseType.UpdateMessage, data: { ...answer.body, attachments: [] } }
    : {
        type: InteractionResponseType.ChannelMessageWithSource,
        data: flagged(answer.body, answer.ephemeral),
      };
}

export const PONG: APIInteractionResponse = { type: InteractionResponseType.Pong };

/** How a reply that takes time is announced: Discord shows "thinking…" (or nothing, for a button). */
export type Deferral = 'update' | 'ephemeral' | 'public';

export function deferralResponse(deferral: Deferral): APIInteractionResponse {
  if (deferral === 'update') return { type: InteractionResponseType.DeferredMessageUpdate };
  return {
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    ...(deferral === 'ephemeral' ? { data: { flags: MessageFlags.Ephemeral } } : {}),
  };
}
