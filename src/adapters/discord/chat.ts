import type { Action } from '../../chat/action.ts';
import type { Carried } from '../../chat/action-code.ts';
import { runAction } from '../../chat/flows.ts';
import { type Locale, localeFor } from '../../chat/i18n/locale.ts';
import { wordsOf } from '../../chat/messages.ts';
import type { Body, Reply as ChatReply } from '../../chat/reply.ts';
import { actionOf, buttonRowsOf, customIdOf } from './actions.ts';
import { answer, type HandlerContext, type Outcome } from './handlers/context.ts';
import { PERSONAL_PLACE, personOf, placeOf, serverPlace } from './identity.ts';
import type { ButtonInteraction, ModalInteraction } from './interaction.ts';
import { messageBody } from './render.ts';
import type { MessageReply, Reply } from './reply.ts';
import { DISCORD_STYLE, discordSay } from './style.ts';
import { split } from './text.ts';
import { answerModal, fullAnswerText, questionText, questionView, revealText } from './views/card.ts';
import { dailyQuestionView, saysDayOver } from './views/daily-question.ts';
import { verdictText } from './views/verdict.ts';
import { withShowMore } from './views/view.ts';

/** Pure: a neutral reply as Discord shows it, in the reader's language (or the one the flow chose). */
export function renderReply(reply: ChatReply, carried: Carried, readerLocale: Locale): Reply {
  const locale = reply.locale ?? readerLocale;
  const say = discordSay(locale);
  const idOf = (action: Action) => customIdOf(action, carried);
  const rows = buttonRowsOf(reply.buttons, carried, locale);
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
      const view = withShowMore(
        { text: revealText(body.card, body.daily, locale), rows },
        body.promptId,
        say,
      );
      return { ...message(view.text), rows: view.rows };
    }
    case 'verdict': {
      const view = withShowMore({ text: verdictText(body.result, say, locale), rows }, body.promptId, say);
      return { ...message(view.text), rows: view.rows };
    }
    case 'fullAnswer': {
      const [first = '', ...rest] = split(fullAnswerText(body.card, locale));
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
  decoded: { action: Action; carried: Carried },
  context: HandlerContext,
): Promise<Outcome> {
  // The server rides in a custom id only in a DM: a reminder's "Start review", and the cards after it.
  const guildId = interaction.guildId === null ? decoded.carried.place : null;
  const carried = { place: guildId, post: decoded.carried.post ?? interaction.message?.id ?? null };
  // A reminder's DM carries its server; any other card outside a server is the person's own.
  const place = placeOf(interaction) ?? (guildId === null ? PERSONAL_PLACE : serverPlace(guildId));
  const person = personOf(interaction);
  const actor = { place, person, request: interaction.id };
  const [reply, locale] = await Promise.all([
    runAction(context.quiz, actionOf(decoded, interaction), actor, context.cardMedia),
    localeFor(context.quiz, person, interaction.locale),
    // The server's language, for its questions of the day: a click from it tells it too.
    interaction.guildId !== null && context.community.noteLocale(place, interaction.guildLocale),
  ]);
  // A modal's verdict replaces the card only when the modal was opened from the card's message.
  const replace = reply.replace && (interaction.type === 'button' || interaction.message !== null);
  const rendered = renderReply({ ...reply, replace }, carried, locale);
  const post = postOf(interaction, carried.post);
  const count = reply.dailyCount;
  if (!count || !post) return answer(rendered);
  return answer(rendered, async () => {
    const view = dailyQuestionView(
      count.card,
      count.deliveryId,
      { answered: count.answered, revealAnswer: false },
      count.locale,
    );
    await context.api.editMessage(post.channelId, post.messageId, messageBody(view));
  });
}

/** The channel's post of a daily question the action came from; none once its day is over (it is final then). */
function postOf(interaction: ButtonInteraction | ModalInteraction, messageId: string | null) {
  const { message, channelId } = interaction;
  if (channelId === null || messageId === null) return null;
  if (message && message.id === messageId && saysDayOver(message.content)) return null;
  return { channelId, messageId };
}
