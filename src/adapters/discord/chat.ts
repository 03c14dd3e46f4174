import type { Action } from '../../chat/action.ts';
import { runAction } from '../../chat/flows.ts';
import { type Locale, localeFor } from '../../chat/i18n/locale.ts';
import { wordsOf } from '../../chat/messages.ts';
import type { Body, Reply as ChatReply } from '../../chat/reply.ts';
import { buttonRowsOf, type Carried, carriedBy, chatActionOf, customIdOf, NO_MESSAGE } from './actions.ts';
import type { Action as DiscordAction } from './custom-id.ts';
import { answer, type HandlerContext, type Outcome } from './handlers/context.ts';
import { PERSONAL_PLACE, personOf, placeOf, serverPlace } from './identity.ts';
import type { ButtonInteraction, ModalInteraction } from './interaction.ts';
import { messageBody } from './render.ts';
import type { MessageReply, Reply } from './reply.ts';
import { DISCORD_STYLE, discordSay } from './style.ts';
import { split } from './text.ts';
import { answerModal, fullAnswerText, questionText, questionView, revealText } from './views/card.ts';
import { DAY_OVER, dailyQuestionView } from './views/daily-question.ts';
import { verdictText } from './views/verdict.ts';
import { withShowMore } from './views/view.ts';

/** Pure: a neutral reply as Discord shows it, in the reader's language (or the one the flow chose). */
export function renderReply(reply: ChatReply, carried: Carried, readerLocale: Locale): Reply {
  const locale = reply.locale ?? readerLocale;
  const say = discordSay(locale);
  const idOf = (action: Action) => customIdOf(action, carried);
  const rows = buttonRowsOf(reply.buttons, idOf, locale);
  const message = (text: string, followUps: string[] = []): MessageReply => ({
    kind: 'message',
    text,
    rows,
    ephemeral: reply.visibility === 'ephemeral',
    update: reply.replace,
    followUps,
    ...(reply.attachments.length > 0 ? { files: reply.attachments } : {}),
  });
  const body: Body = reply.body;
  switch (body.kind) {
    case 'question':
      return message(questionView(body.card, body.isNew, say));
    case 'reveal': {
      const view = withShowMore({ text: revealText(body.card, body.daily, say), rows }, body.promptId, say);
      return { ...message(view.text), rows: view.rows };
    }
    case 'verdict': {
      const view = withShowMore({ text: verdictText(body.result, say, locale), rows }, body.promptId, say);
      return { ...message(view.text), rows: view.rows };
    }
    case 'fullAnswer': {
      const [first = '', ...rest] = split(fullAnswerText(body.card, say));
      return message(first, rest);
    }
    case 'answerForm':
      return answerModal(idOf(body.submit), questionText(body.card), say);
    case 'message':
      return message(wordsOf(body.message, DISCORD_STYLE, locale));
  }
}

/** Any quiz button or modal: decode, run the flow, render; then the channel's post of a daily question updated. */
export async function runChat(
  interaction: ButtonInteraction | ModalInteraction,
  action: DiscordAction,
  context: HandlerContext,
): Promise<Outcome> {
  const carried = carriedBy(action, interaction);
  // A reminder's DM carries its server; any other card outside a server is the person's own.
  const place =
    placeOf(interaction) ?? (carried.guildId === null ? PERSONAL_PLACE : serverPlace(carried.guildId));
  const fields = interaction.type === 'modal' ? interaction.fields : {};
  const person = personOf(interaction);
  const actor = { place, person, request: interaction.id };
  const [reply, locale] = await Promise.all([
    runAction(context.quiz, chatActionOf(action, fields), actor, context.cardMedia),
    localeFor(context.quiz, person, interaction.locale),
  ]);
  // A modal's verdict replaces the card only when the modal was opened from the card's message.
  const replace = reply.replace && (interaction.type === 'button' || interaction.message !== null);
  const rendered = renderReply({ ...reply, replace }, carried, locale);
  const post = postOf(interaction, carried);
  const count = reply.dailyCount;
  if (!count || !post) return answer(rendered);
  return answer(rendered, async () => {
    const view = dailyQuestionView(count.card, count.deliveryId, {
      answered: count.answered,
      revealAnswer: false,
    });
    await context.api.editMessage(post.channelId, post.messageId, messageBody(view));
  });
}

/** The channel's post of a daily question the action came from; none once its day is over (it is final then). */
function postOf(interaction: ButtonInteraction | ModalInteraction, carried: Carried) {
  const { message, channelId } = interaction;
  if (channelId === null || carried.messageId === NO_MESSAGE) return null;
  if (message && message.id === carried.messageId && message.content.includes(DAY_OVER)) return null;
  return { channelId, messageId: carried.messageId };
}
