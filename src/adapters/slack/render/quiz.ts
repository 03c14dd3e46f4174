import type { types } from '@slack/bolt';
import { type Card, isTypedKind } from '../../../core/deck/card.ts';
import type { Prompt } from '../../../core/quiz/ports.ts';
import type { AnswerOutcome, AnswerSuccess, DisputeOutcome, NextOutcome } from '../../../core/quiz/quiz.ts';
import { RATING_NAMES } from '../../../core/rating.ts';
import { describeWhen } from '../../../core/scheduling/day.ts';
import {
  ACTION,
  deckValue,
  type PromptRef,
  promptValue,
  type QuizContext,
  reviewValue,
} from '../action-ids.ts';
import {
  actions,
  button,
  cardText,
  context,
  escapeText,
  note,
  type SlackMessage,
  section,
} from './blocks.ts';

/** Pure: quiz outcomes as Block Kit messages. Every piece of card and user text is escaped. */

/** The deck a "Next card" continues with: the quiz's deck, or any deck after a channel's question. */
export function deckOf(quizContext: QuizContext): string | null {
  return 'deck' in quizContext ? quizContext.deck : null;
}

export function renderQuestion(prompt: Prompt, quizContext: QuizContext, isNew = false): SlackMessage {
  const { card } = prompt;
  const ref: PromptRef = { promptId: prompt.id, context: quizContext };
  const heading = `*${escapeText(card.deckId)}*${isNew ? ' · new' : ''}`;
  return {
    text: escapeText(card.question),
    blocks: [
      section(`${heading}\n${cardText(card.question)}`),
      actions(questionButtons(card, ref)),
      context(hintFor(card)),
    ],
  };
}

/** The buttons that answer a card: one per option, "Answer" (a modal) for typed cards, or "Show answer". */
function questionButtons(card: Card, ref: PromptRef): types.Button[] {
  if (card.kind === 'choice') {
    return card.options.map((option, index) => button(option, `${ACTION.choice}:${index}`, promptValue(ref)));
  }
  if (card.kind === 'self') return [button('Show answer', ACTION.reveal, promptValue(ref), 'primary')];
  return [
    button('Answer', ACTION.answer, promptValue(ref), 'primary'),
    button("I don't know", ACTION.giveUp, promptValue(ref)),
  ];
}

function hintFor(card: Card): string {
  if (card.kind === 'choice') return 'Pick one.';
  if (card.kind === 'self') return 'Think of your answer, then show it and rate yourself.';
  return 'Type your answer in the box that *Answer* opens.';
}

/** A self-graded card with its answer shown, and the four ratings. */
export function renderReveal(card: Card, ref: PromptRef): SlackMessage {
  const ratings = ([1, 2, 3, 4] as const).map((rating) =>
    button(
      RATING_NAMES[rating],
      `${ACTION.rate}:${rating}`,
      promptValue(ref),
      rating === 3 ? 'primary' : undefined,
    ),
  );
  return {
    text: escapeText(card.question),
    blocks: [
      section(`*${escapeText(card.deckId)}*\n${cardText(card.question)}`),
      section(answerLines(card).join('\n')),
      actions(ratings),
      context('How well did you know it?'),
    ],
  };
}

const VERDICTS = {
  correct: ':white_check_mark: *Correct.*',
  close: ':ok_hand: *Close enough*: accepted, rated Hard.',
  wrong: ':x: *Not quite.*',
  self: ':memo: *Noted.*',
} as const;

/** After an answer: the verdict, the right answer, when the card comes back, "Next card" and "I was right". */
export function renderVerdict(outcome: AnswerSuccess, deck: string | null): SlackMessage {
  const { card } = outcome;
  const lines = [
    outcome.repeated ? '*Already answered*: the first answer stands.' : VERDICTS[outcome.verdict],
  ];
  if (isTypedKind(card.kind) && outcome.verdict !== 'correct' && outcome.given !== '') {
    lines.push(`You said: ${escapeText(outcome.given)}`);
  }
  if (card.kind !== 'self') lines.push(...answerLines(card));
  const back = `Rated ${RATING_NAMES[outcome.rating]} · back ${describeWhen(outcome.due, outcome.now)}.`;
  const buttons = [button('Next card', ACTION.next, deckValue(deck), 'primary')];
  if (!outcome.repeated && (outcome.verdict === 'wrong' || outcome.verdict === 'close')) {
    buttons.push(button('I was right', ACTION.right, reviewValue(outcome.reviewId, deck)));
  }
  return {
    text: `${plainVerdict(outcome)} ${back}`,
    blocks: [
      section(`*${escapeText(card.deckId)}*\n${cardText(card.question)}`),
      section(lines.join('\n')),
      context(back),
      actions(buttons),
    ],
  };
}

function plainVerdict(outcome: AnswerSuccess): string {
  if (outcome.repeated) return 'Already answered.';
  return { correct: 'Correct.', close: 'Close enough.', wrong: 'Not quite.', self: 'Noted.' }[
    outcome.verdict
  ];
}

function answerLines(card: Card): string[] {
  return [`*Answer:* ${cardText(card.answer)}`, ...(card.note ? [`_Note:_ ${cardText(card.note)}`] : [])];
}

const ANSWER_PROBLEMS = {
  PROMPT_NOT_FOUND: 'That question is no longer open.',
  NOT_YOUR_PROMPT: 'That question was asked to someone else.',
  STALE_PROMPT: 'That card was reviewed since this question was shown, so this answer was not counted.',
  WRONG_ANSWER_KIND: 'That answer does not fit this card.',
  NO_SUCH_OPTION: 'That option is not on this card.',
} as const satisfies Record<Extract<AnswerOutcome, { ok: false }>['code'], string>;

/** An answer core refused, with a way on. */
export function renderAnswerProblem(
  code: Extract<AnswerOutcome, { ok: false }>['code'],
  deck: string | null,
): SlackMessage {
  return withNextButton(ANSWER_PROBLEMS[code], deck);
}

const DISPUTE_PROBLEMS = {
  REVIEW_NOT_FOUND: 'That answer is no longer on record.',
  NOT_YOUR_REVIEW: 'That answer was someone else’s.',
  ALREADY_RIGHT: 'That answer already counted as right.',
  REVIEWED_SINCE: 'That card was reviewed again since; it can no longer be re-rated.',
} as const satisfies Record<Extract<DisputeOutcome, { ok: false }>['code'], string>;

export function renderDispute(outcome: DisputeOutcome, deck: string | null): SlackMessage {
  if (!outcome.ok) return withNextButton(DISPUTE_PROBLEMS[outcome.code], deck);
  const back = describeWhen(outcome.due, outcome.now);
  return withNextButton(
    `:ok_hand: Fair enough: *${escapeText(outcome.card.question)}* now counts as right, rated ${RATING_NAMES[outcome.rating]}; back ${back}.`,
    deck,
  );
}

export function renderNothingDue(outcome: Extract<NextOutcome, { ok: false }>): SlackMessage {
  if (!outcome.nextDue) return note(':tada: Nothing to review: every card is done for now.');
  return note(
    `:tada: Nothing due right now. The next card is due ${describeWhen(outcome.nextDue, outcome.now)}.`,
  );
}

function withNextButton(text: string, deck: string | null): SlackMessage {
  return { text, blocks: [section(text), actions([button('Next card', ACTION.next, deckValue(deck))])] };
}
