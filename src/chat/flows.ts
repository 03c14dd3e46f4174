import type { Card } from '../core/deck/card.ts';
import { MnemoError } from '../core/errors.ts';
import type { Person, Place } from '../core/people.ts';
import type { AnswerInput } from '../core/quiz/answer.ts';
import type { Prompt } from '../core/quiz/ports.ts';
import type { AnswerOutcome, AnswerSuccess, Quiz } from '../core/quiz/quiz.ts';
import type { Rating } from '../core/rating.ts';
import type { Action, DailyRef, PromptRef } from './action.ts';
import { type CardMedia, withCardMedia } from './card-media.ts';
import type { AnswerRefusal, DisputeRefusal, Message } from './messages.ts';
import { type ChatButton, type Reply, replacing, whisper } from './reply.ts';

/** Who acts, and where: the place and person as the platform knows them, and its id of the request. */
export interface Actor {
  /** Null where the platform tells no community (a Discord DM): flows that need one say so. */
  place: Place | null;
  person: Person;
  /** The platform's id of this request, when it has one: tells a redelivery of an answer apart. */
  request: string | null;
}

/** The quiz use cases the flows call. */
export type QuizPort = Pick<
  Quiz,
  | 'next'
  | 'prompt'
  | 'reveal'
  | 'answer'
  | 'dispute'
  | 'promptFor'
  | 'answersToDelivery'
  | 'deliveryLanguage'
  | 'practice'
  | 'hold'
  | 'keepStudying'
  | 'unsuspend'
>;

/**
 * One flow per action: the core call, then the neutral reply, with the files of the card it shows (pictures,
 * sound, formulas) when `media` is given.
 */
export async function runAction(
  quiz: QuizPort,
  action: Action,
  actor: Actor,
  media?: CardMedia,
): Promise<Reply> {
  return withCardMedia(await flow(quiz, action, actor), media);
}

async function flow(quiz: QuizPort, action: Action, actor: Actor): Promise<Reply> {
  const { person } = actor;
  switch (action.kind) {
    case 'quiz': {
      const reply = await nextCard(quiz, actor, action.deckId, action.skipped, action.tag ?? null);
      return { ...reply, replace: false };
    }
    case 'practice':
      return practiceCard(quiz, actor, action.deckId, action.tag);
    case 'suspend':
    case 'bury': {
      const held = await quiz.hold(action.promptId, person, action.kind);
      if (!held.ok) return refusal(held.code, action.deckId);
      const { card, until, now } = held;
      const message: Message = until
        ? { code: 'BURIED', cardId: card.id, until, now }
        : { code: 'SUSPENDED', cardId: card.id };
      return whisper({ kind: 'message', message }, [nextButton(action.deckId)]);
    }
    case 'keepStudying': {
      const kept = await quiz.keepStudying(action.promptId, person);
      if (!kept.ok) return refusal(kept.code, action.deckId);
      const message: Message = { code: 'KEEP_STUDYING', cardId: kept.card.id };
      return whisper({ kind: 'message', message }, [nextButton(action.deckId)]);
    }
    case 'showNote': {
      const shown = await quiz.prompt(action.promptId, person);
      if (!shown.ok) return refusal(shown.code, null);
      return whisper({ kind: 'fullAnswer', card: shown.prompt.card });
    }
    case 'unsuspend': {
      const done = await quiz.unsuspend(person, action.cardId);
      return whisper({ kind: 'message', message: { code: 'UNSUSPENDED', cardId: action.cardId, done } });
    }
    case 'startReview':
      return { ...(await nextCard(quiz, actor, null)), replace: false };
    case 'next':
      return nextCard(quiz, actor, action.deckId);
    case 'openAnswer': {
      const shown = await quiz.prompt(action.promptId, person);
      if (!shown.ok) return refusal(shown.code, action.deckId);
      const submit: Action = {
        kind: 'typedAnswer',
        promptId: action.promptId,
        deckId: action.deckId,
        text: '',
      };
      return whisper({ kind: 'answerForm', card: shown.prompt.card, promptId: action.promptId, submit });
    }
    case 'typedAnswer':
      return answer(quiz, actor, action, { kind: 'typed', text: action.text });
    case 'dontKnow':
      return answer(quiz, actor, action, { kind: 'typed', text: '' });
    case 'choose':
      return answer(quiz, actor, action, { kind: 'choice', option: action.option });
    case 'rate':
      return answer(quiz, actor, action, { kind: 'self', rating: action.rating });
    case 'reveal': {
      const { promptId, deckId } = action;
      const shown = await quiz.reveal(promptId, person);
      if (!shown.ok) return refusal(shown.code, deckId);
      const rate = (rating: Rating): Action => ({ kind: 'rate', promptId, deckId, rating });
      return replacing(
        { kind: 'reveal', card: shown.prompt.card, promptId, daily: false },
        ratingButtons(rate),
      );
    }
    case 'dispute': {
      const outcome = await quiz.dispute(action.reviewId, person);
      if (!outcome.ok) return refusal(outcome.code, action.deckId);
      const { due, now, repeated } = outcome;
      return whisper({ kind: 'message', message: { code: 'RERATED', due, now, repeated } }, [
        nextButton(action.deckId),
      ]);
    }
    case 'showMore': {
      // The button only shows on a message that already holds the answer, so marking it revealed is true.
      const shown = await quiz.reveal(action.promptId, person);
      if (!shown.ok) return refusal(shown.code, null);
      return whisper({ kind: 'fullAnswer', card: shown.prompt.card });
    }
    case 'dailyOpenAnswer': {
      const opened = await dailyPrompt(quiz, actor, action.daily);
      if (!opened.ok) return refusal(opened.code, null);
      const submit: Action = { kind: 'dailyTypedAnswer', daily: action.daily, text: '' };
      return whisper({ kind: 'answerForm', card: opened.prompt.card, promptId: opened.prompt.id, submit });
    }
    case 'dailyTypedAnswer':
      return answerDaily(quiz, actor, action.daily, { kind: 'typed', text: action.text });
    case 'dailyChoose':
      return answerDaily(quiz, actor, action.daily, { kind: 'choice', option: action.option });
    case 'dailyReveal': {
      const opened = await dailyPrompt(quiz, actor, action.daily);
      if (!opened.ok) return refusal(opened.code, null);
      const promptId = opened.prompt.id;
      const shown = await quiz.reveal(promptId, person);
      if (!shown.ok) return refusal(shown.code, null);
      const { deliveryId } = action.daily;
      const rate = (rating: Rating): Action => ({ kind: 'dailyRate', deliveryId, promptId, rating });
      return whisper({ kind: 'reveal', card: shown.prompt.card, promptId, daily: true }, ratingButtons(rate));
    }
    case 'dailyRate': {
      const outcome = await quiz.answer(action.promptId, person, { kind: 'self', rating: action.rating });
      const reply = verdictReply(outcome, { promptId: action.promptId, deckId: null }, true, true);
      return counted(quiz, action.deliveryId, outcome, reply);
    }
    case 'erase':
      throw new MnemoError('INVARIANT', 'erasing is the privacy flow’s (runPrivacy), not the quiz’s');
    case 'confirmImport':
    case 'cancelImport':
      throw new MnemoError('INVARIANT', 'an import is the deck-file flow’s (runDeckFiles), not the quiz’s');
  }
}

/** The person's next card, in place of the message the action came from; or when the next one is due. */
async function nextCard(
  quiz: QuizPort,
  actor: Actor,
  deckId: string | null,
  skipped: readonly string[] = [],
  tag: string | null = null,
): Promise<Reply> {
  if (!actor.place) return needsPlace();
  const options = { deckId, tag, exclude: skipped };
  const outcome =
    actor.request === null
      ? await quiz.next(actor.place, actor.person, options)
      : await quiz.next(actor.place, actor.person, options, actor.request);
  if (!outcome.ok && outcome.code === 'ALREADY_HANDLED')
    return whisper({ kind: 'message', message: { code: 'ALREADY_HANDLED' } });
  if (!outcome.ok) {
    const { nextDue, now } = outcome;
    return replacing({ kind: 'message', message: { code: 'NOTHING_DUE', nextDue, now, deckId } });
  }
  const { prompt, isNew } = outcome;
  return replacing({ kind: 'question', card: prompt.card, isNew }, answerButtons(prompt, deckId));
}

/** A practice card, in a new message; or that there is nothing to practise. */
async function practiceCard(
  quiz: QuizPort,
  actor: Actor,
  deckId: string | null,
  tag: string | null,
): Promise<Reply> {
  if (!actor.place) return needsPlace();
  const outcome = await quiz.practice(actor.place, actor.person, { deckId, tag });
  if (!outcome.ok) return whisper({ kind: 'message', message: { code: 'NOTHING_TO_PRACTISE', deckId, tag } });
  const { prompt } = outcome;
  return whisper({ kind: 'question', card: prompt.card, isNew: false }, answerButtons(prompt, deckId));
}

/** The buttons that answer a card: one per option, "Answer" and "I don't know", or "Show answer". */
export function answerButtons(prompt: Prompt, deckId: string | null): ChatButton[] {
  const { card } = prompt;
  const ref: PromptRef = { promptId: prompt.id, deckId };
  if (card.kind === 'choice') {
    return card.options.map((option, i) => ({
      label: { text: option },
      action: { kind: 'choose', ...ref, option: i },
      style: 'secondary',
    }));
  }
  if (card.kind === 'self') {
    return [{ label: { key: 'button.showAnswer' }, action: { kind: 'reveal', ...ref }, style: 'primary' }];
  }
  return [
    { label: { key: 'button.answer' }, action: { kind: 'openAnswer', ...ref }, style: 'primary' },
    { label: { key: 'button.dontKnow' }, action: { kind: 'dontKnow', ...ref }, style: 'secondary' },
  ];
}

/** A reminder's (and Slack's App Home's) one button: the next card of every deck. */
export const START_REVIEW: ChatButton = {
  label: { key: 'button.startReview' },
  action: { kind: 'startReview' },
  style: 'primary',
};

/** The buttons of a channel's question of the day; once its day is over, only the options, disabled. */
export function dailyButtons(card: Card, daily: DailyRef, closed: boolean): ChatButton[] {
  if (card.kind === 'choice') {
    return card.options.map((option, i) => ({
      label: { text: option },
      action: { kind: 'dailyChoose', daily, option: i },
      style: closed && i === card.correctOption ? 'success' : 'secondary',
      disabled: closed,
    }));
  }
  if (closed) return [];
  if (card.kind === 'self') {
    const label = { key: 'button.showAnswerAndRate' } as const;
    return [{ label, action: { kind: 'dailyReveal', daily }, style: 'primary' }];
  }
  return [{ label: { key: 'button.answer' }, action: { kind: 'dailyOpenAnswer', daily }, style: 'primary' }];
}

const RATING_STYLES = { 1: 'danger', 2: 'secondary', 3: 'success', 4: 'primary' } as const;

function ratingButtons(rate: (rating: Rating) => Action): ChatButton[] {
  return ([1, 2, 3, 4] as const).map((rating) => ({
    label: { key: `rating.${rating}` },
    action: rate(rating),
    style: RATING_STYLES[rating],
  }));
}

function nextButton(deckId: string | null): ChatButton {
  return { label: { key: 'button.nextCard' }, action: { kind: 'next', deckId }, style: 'primary' };
}

/**
 * After an answer: "Next card", then "I was right" (a scheduled answer graded down), then "Suspend" and
 * "Bury"; a leech offers "Keep studying" and "Show note" instead; a practice answer "Practise more" alone.
 */
function afterAnswerButtons(outcome: AnswerSuccess, ref: PromptRef, daily: boolean): ChatButton[] {
  const { promptId, deckId } = ref;
  if (outcome.practice) {
    const more: Action = { kind: 'practice', deckId, tag: null };
    return [{ label: { key: 'button.practiseMore' }, action: more, style: 'primary' }];
  }
  const buttons = [nextButton(deckId)];
  if (outcome.verdict === 'wrong' || outcome.verdict === 'close') {
    const dispute: Action = { kind: 'dispute', reviewId: outcome.reviewId, deckId };
    buttons.push({ label: { key: 'button.iWasRight' }, action: dispute, style: 'secondary' });
  }
  if (daily) return buttons; // a channel's question: the controls are for one's own reviews
  if (outcome.leech) {
    buttons.push(
      {
        label: { key: 'button.keepStudying' },
        action: { kind: 'keepStudying', promptId, deckId },
        style: 'primary',
      },
      { label: { key: 'button.showNote' }, action: { kind: 'showNote', promptId }, style: 'secondary' },
    );
  } else {
    buttons.push(
      { label: { key: 'button.suspend' }, action: { kind: 'suspend', promptId, deckId }, style: 'secondary' },
      { label: { key: 'button.bury' }, action: { kind: 'bury', promptId, deckId }, style: 'secondary' },
    );
  }
  return buttons;
}

async function answer(quiz: QuizPort, actor: Actor, ref: PromptRef, input: AnswerInput): Promise<Reply> {
  // Answering is idempotent by prompt: a redelivery of the request that answered is told so, from the prompt.
  const outcome = await quiz.answer(ref.promptId, actor.person, input, actor.request);
  if (outcome.ok && outcome.redelivered) {
    return whisper({ kind: 'message', message: { code: 'ALREADY_HANDLED' } });
  }
  return verdictReply(outcome, ref, true);
}

/**
 * The verdict, with the buttons after an answer and, for a graded answer that lost points, "I was right" (core refuses the
 * others; a repeated answer may still be disputed, and is told when it already was). A refusal leaves the
 * card in place: the person may still answer it (another option, say).
 */
function verdictReply(outcome: AnswerOutcome, ref: PromptRef, replace: boolean, daily = false): Reply {
  if (!outcome.ok) return refusal(outcome.code, ref.deckId);
  const buttons = afterAnswerButtons(outcome, ref, daily);
  return { ...whisper({ kind: 'verdict', result: outcome, promptId: ref.promptId }, buttons), replace };
}

/** One prompt per member per day: opening the day's question again finds the first prompt. */
async function dailyPrompt(quiz: QuizPort, actor: Actor, daily: DailyRef) {
  if (!actor.place) return { ok: false, code: 'NEEDS_PLACE' } as const;
  return quiz.promptFor(actor.place, actor.person, daily.cardId, { deliveryId: daily.deliveryId });
}

async function answerDaily(
  quiz: QuizPort,
  actor: Actor,
  daily: DailyRef,
  input: AnswerInput,
): Promise<Reply> {
  const opened = await dailyPrompt(quiz, actor, daily);
  if (!opened.ok) return refusal(opened.code, null);
  const promptId = opened.prompt.id;
  const outcome = await quiz.answer(promptId, actor.person, input);
  return counted(
    quiz,
    daily.deliveryId,
    outcome,
    verdictReply(outcome, { promptId, deckId: null }, false, true),
  );
}

/** A first answer to the day's question: the reply carries the new count of answers, for the channel's post. */
async function counted(
  quiz: QuizPort,
  deliveryId: number,
  outcome: AnswerOutcome,
  reply: Reply,
): Promise<Reply> {
  if (!outcome.ok || outcome.repeated) return reply;
  const [answered, locale] = await Promise.all([
    quiz.answersToDelivery(deliveryId),
    quiz.deliveryLanguage(deliveryId),
  ]);
  return { ...reply, dailyCount: { deliveryId, card: outcome.card, answered, locale } };
}

function refusal(
  code: AnswerRefusal | DisputeRefusal | 'NEEDS_PLACE' | 'NO_STUDY_CONTROLS',
  deckId: string | null,
): Reply {
  if (code === 'NEEDS_PLACE') return needsPlace();
  return whisper({ kind: 'message', message: { code } }, [nextButton(deckId)]);
}

export function needsPlace(): Reply {
  return whisper({ kind: 'message', message: { code: 'NEEDS_PLACE' } });
}
