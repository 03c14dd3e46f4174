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

/** The one renderer from the chat layer's neutral Reply to Discord's payloads, and Discord's reply model. */

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

export interface Button {
  label: string;
  customId: string;
  style: ButtonStyleName;
  disabled?: boolean;
}

/** A message's content before it is sent one way or another: text (escaped markdown) and rows of buttons. */
export interface View {
  text: string;
  rows: Button[][];
}

export interface MessageReply extends View {
  kind: 'message';
  /** Seen by the person who clicked or typed only. */
  ephemeral: boolean;
  /** Replaces the message the button was on, instead of sending a new one. */
  update: boolean;
  /** Sent after the reply as further messages, each within the limit: the rest of a long text. */
  followUps: string[];
  /** Sent with the reply (the first answer gets them by an edit: see Exchange). */
  files?: Attachment[];
}

/** The form a typed answer is given in, with the question (already escaped) above its one field. */
export interface ModalReply {
  kind: 'modal';
  customId: string;
  prompt: string;
  locale: Locale;
}

export interface ChoicesReply {
  kind: 'choices';
  choices: { name: string; value: string }[];
}

/** What a handler answers, before it becomes an interaction response. */
export type Reply = MessageReply | ModalReply | ChoicesReply;

/** A sentence of the message table, only for the person, in a language. */
export function whisperMessage(message: Message, locale: Locale): Reply {
  return renderReply(chatWhisper({ kind: 'message', message }), NOTHING_CARRIED, locale);
}

/** "Show more" sends at most this many messages' worth of a card's text. */
const SHOW_MORE_LIMIT = 10 * MESSAGE_LIMIT; // characters

/** Pure: a neutral reply as Discord shows it, in the reader's language (or the one the flow chose). */
export function renderReply(reply: ChatReply, carried: Carried, readerLocale: Locale): Reply {
  const locale = reply.locale ?? readerLocale;
  const { body } = reply;
  if (body.kind === 'answerForm') {
    return {
      kind: 'modal',
      customId: customIdOf(body.submit, carried),
      prompt: questionText(body.card, DISCORD_STYLE),
      locale,
    };
  }
  const [text = '', ...followUps] =
    body.kind === 'fullAnswer'
      ? split(bodyText(body, DISCORD_STYLE, locale, SHOW_MORE_LIMIT), MESSAGE_LIMIT)
      : [bodyText(body, DISCORD_STYLE, locale, SHOW_MORE_LIMIT)];
  const message: MessageReply = {
    kind: 'message',
    text,
    rows: buttonRowsOf(reply.buttons, carried, locale),
    ephemeral: reply.visibility === 'ephemeral',
    update: reply.replace,
    followUps,
    ...(reply.attachments.length > 0 ? { files: reply.attachments } : {}),
  };
  const promptId = body.kind === 'reveal' || body.kind === 'verdict' ? body.promptId : null;
  return promptId === null ? message : withShowMore(message, promptId, discordSay(locale));
}

/**
 * A view whose text may hold a long answer: past the limit, the text is cut and a "Show more" button
 * sends the whole answer (see the showMore action).
 */
function withShowMore<T extends View>(view: T, promptId: string, say: Say): T {
  const fitted = fitMessage(view.text, MESSAGE_LIMIT);
  if (!fitted.cut) return view;
  const more: Button = {
    label: say('button.showMore'),
    customId: customIdOf({ kind: 'showMore', promptId }, NOTHING_CARRIED),
    style: 'secondary',
  };
  const [first, ...rest] = view.rows;
  const rows = first && first.length < 5 ? [[...first, more], ...rest] : [...view.rows, [more]];
  return { ...view, text: fitted.text, rows };
}

/** Buttons in rows: options in rows of five (six sit better as two rows of three), the others in one row. */
function buttonRowsOf(buttons: ChatButton[], carried: Carried, locale: Locale): Button[][] {
  const options = buttons.filter((b) => b.action.kind === 'choose' || b.action.kind === 'dailyChoose');
  const shown = buttons.map((button): Button => {
    // An option's label after its number (`2. Paris`), as the message lists the options.
    const number = options.includes(button) ? `${options.indexOf(button) + 1}. ` : '';
    const { style, disabled } = button;
    const label = `${number}${labelOf(button.label, locale)}`;
    const customId = customIdOf(button.action, carried);
    return disabled === undefined ? { label, customId, style } : { label, customId, style, disabled };
  });
  const perRow = options.length > 5 ? 3 : 5;
  const rows: Button[][] = [];
  for (let i = 0; i < shown.length; i += perRow) rows.push(shown.slice(i, i + perRow));
  return rows;
}

/**
 * A channel's question of the day: everyone answers with the buttons, and sees their result alone. It is
 * public, so it is written in the channel's language (`locale`), not a reader's.
 */
export function dailyQuestionView(
  card: Card,
  deliveryId: number,
  state: DailyQuestionState,
  locale: Locale,
): View {
  const buttons = dailyButtons(card, { deliveryId, cardId: card.id }, state.revealAnswer);
  return {
    text: dailyQuestionText(card, state, DISCORD_STYLE, locale),
    rows: buttonRowsOf(buttons, NOTHING_CARRIED, locale),
  };
}

/** A DM reminder in the person's language: how many cards are due, and a button that starts the review in that server's name. */
export function reminderView(dueCount: number, guildId: string, locale: Locale): View {
  return {
    text: discordSay(locale)('reminder.due', { count: dueCount }),
    rows: buttonRowsOf([START_REVIEW], { place: guildId, post: null }, locale),
  };
}

/** Sent with every message: text never pings anyone, whatever it holds. */
const NO_MENTIONS: APIAllowedMentions = { parse: [] };
const BUTTON_LABEL_LIMIT = 80; // characters
const MODAL_TITLE_LIMIT = 45; // characters
const MODAL_TEXT_LIMIT = 1_000; // characters: the question above the field
const CHOICE_LIMIT = 25; // choices per autocomplete answer
const CHOICE_TEXT_LIMIT = 100; // characters
const STYLES = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
} as const satisfies Record<ButtonStyleName, ButtonStyle>;

/** A message's body for REST: the channel, a webhook edit or a follow-up. Ephemeral flags only where asked. */
export interface MessageBody {
  content: string;
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowed_mentions: APIAllowedMentions;
  flags?: number;
}

export function messageBody(view: View, flags?: { ephemeral: boolean }): MessageBody {
  const body: MessageBody = {
    content: fitMessage(view.text, MESSAGE_LIMIT).text,
    components: view.rows
      .filter((row) => row.length > 0)
      .map((row) => ({
        type: ComponentType.ActionRow,
        components: row.map((button) => ({
          type: ComponentType.Button,
          style: STYLES[button.style],
          label: clip(button.label, BUTTON_LABEL_LIMIT) || '…',
          custom_id: button.customId,
          disabled: button.disabled ?? false,
        })),
      })),
    allowed_mentions: NO_MENTIONS,
  };
  if (flags?.ephemeral) body.flags = MessageFlags.Ephemeral;
  return body;
}

/** The custom id of the modal's one text field. */
export const ANSWER_FIELD = 'answer';

/** The interaction response Discord renders: a message (new or replacing), a modal, or autocomplete choices. */
export function interactionResponse(reply: Reply): APIInteractionResponse {
  switch (reply.kind) {
    case 'message':
      // An update drops the files of the message it replaces; its own files follow (see Exchange).
      return reply.update
        ? { type: InteractionResponseType.UpdateMessage, data: { ...messageBody(reply), attachments: [] } }
        : {
            type: InteractionResponseType.ChannelMessageWithSource,
            data: messageBody(reply, { ephemeral: reply.ephemeral }),
          };
    case 'modal': {
      const say = discordSay(reply.locale);
      const prompt = fitMessage(reply.prompt, MODAL_TEXT_LIMIT).text.trim();
      const data = {
        custom_id: reply.customId,
        title: clip(say('answerForm.title'), MODAL_TITLE_LIMIT),
        components: [
          ...(prompt === '' ? [] : [{ type: ComponentType.TextDisplay as const, content: prompt }]),
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
    case 'choices':
      return {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: {
          choices: reply.choices.slice(0, CHOICE_LIMIT).map((choice) => ({
            name: clip(choice.name, CHOICE_TEXT_LIMIT),
            value: choice.value.slice(0, CHOICE_TEXT_LIMIT),
          })),
        },
      };
  }
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
