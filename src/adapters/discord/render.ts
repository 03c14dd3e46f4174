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
import type { ButtonRow, ButtonStyleName, MessageReply, ModalReply, Reply } from './reply.ts';
import { clip, fitMessage } from './text.ts';

/** Sent with every message: text never pings anyone, whatever it holds. */
export const NO_MENTIONS: APIAllowedMentions = { parse: [] };

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

export type ButtonRowPayload = APIActionRowComponent<APIButtonComponentWithCustomId>;

/** A message's body for REST: the channel, a webhook edit or a follow-up. Ephemeral flags only where asked. */
export interface MessageBody {
  content: string;
  components: ButtonRowPayload[];
  allowed_mentions: APIAllowedMentions;
  flags?: number;
}

export function messageBody(reply: Pick<MessageReply, 'text' | 'rows'>, flags?: { ephemeral: boolean }) {
  const body: MessageBody = {
    content: fitMessage(reply.text).text,
    components: buttonRows(reply.rows),
    allowed_mentions: NO_MENTIONS,
  };
  if (flags?.ephemeral) body.flags = MessageFlags.Ephemeral;
  return body;
}

export function buttonRows(rows: ButtonRow[]): ButtonRowPayload[] {
  return rows
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
    }));
}

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
    case 'modal':
      return { type: InteractionResponseType.Modal, data: modalData(reply) };
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

function modalData(reply: ModalReply) {
  const prompt = fitMessage(reply.prompt, MODAL_TEXT_LIMIT).text.trim();
  return {
    custom_id: reply.customId,
    title: clip(reply.title, MODAL_TITLE_LIMIT),
    components: [
      ...(prompt === '' ? [] : [{ type: ComponentType.TextDisplay as const, content: prompt }]),
      {
        type: ComponentType.Label as const,
        label: clip(reply.label, MODAL_TITLE_LIMIT),
        component: {
          type: ComponentType.TextInput as const,
          custom_id: ANSWER_FIELD,
          style: TextInputStyle.Short,
          max_length: reply.maxLength,
          required: true,
        },
      },
    ],
  };
}

/** The custom id of the modal's one text field. */
export const ANSWER_FIELD = 'answer';

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
