import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Person, Place } from '../../core/people.ts';
import type { NextOutcome, Quiz } from '../../core/quiz/quiz.ts';
import type { Rating } from '../../core/rating.ts';
import { cleanText, TEXT_LIMITS } from '../../core/text/clean-text.ts';
import {
  HELP,
  renderAnswer,
  renderDispute,
  renderNothingDue,
  renderQuestion,
  renderReveal,
  renderStats,
} from './render.ts';

export interface ConsoleOptions {
  quiz: Quiz;
  input: Readable;
  output: Writable;
  place: Place;
  person: Person;
  deckId?: string | null;
  /**
   * Write each line read after its `> ` prompt. A terminal echoes what a person types; piped input is not
   * echoed by anyone, so without this the transcript would read `> ✓ Correct.`.
   */
  echo?: boolean;
}

export const CONSOLE_PLACE: Place = { tenantId: 'console', platform: 'console', name: 'Console' };

type Current = Extract<NextOutcome, { ok: true }>['prompt'];

/** The terminal quiz: one line per answer, on a terminal or from a pipe; ends at /quit or end of input. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { quiz, output, place, person } = options;
  const say = (text: string) => output.write(`${text}\n`);
  const reader = createInterface({
    input: options.input,
    terminal: false,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // Take the iterator now: lines (and the end of input) that arrive while the first card loads are buffered, not lost.
  const lines = reader[Symbol.asyncIterator]();
  const skipped: string[] = [];
  // Mutated by the closures below; an object keeps TypeScript from narrowing it to its first value.
  const session: {
    current: Current | null;
    /** What was printed for the current card, to show it again after a /right confirmation. */
    shown: string | null;
    revealed: boolean;
    lastReviewId: number | null;
  } = {
    current: null,
    shown: null,
    revealed: false,
    lastReviewId: null,
  };

  const showNext = async () => {
    const outcome = await quiz.next(place, person, { deckId: options.deckId ?? null, exclude: skipped });
    session.revealed = false;
    session.current = outcome.ok ? outcome.prompt : null;
    session.shown = outcome.ok ? renderQuestion(outcome) : renderNothingDue(outcome);
    say(session.shown);
  };

  const answer = async (input: Parameters<Quiz['answer']>[2]) => {
    const { current } = session;
    if (!current) return;
    const outcome = await quiz.answer(current.id, person, input);
    if (!outcome.ok) {
      say(
        outcome.code === 'NO_SUCH_OPTION'
          ? `Pick an option from 1 to ${current.card.options.length}.`
          : `Could not record that (${outcome.code}).`,
      );
      if (outcome.code === 'NO_SUCH_OPTION') return;
    } else {
      session.lastReviewId = outcome.reviewId;
      say(renderAnswer(outcome));
    }
    await showNext();
  };

  /** The next line after a `> ` prompt, or null at the end of input. */
  const read = async (): Promise<string | null> => {
    output.write('> ');
    const next = await lines.next();
    if (next.done) {
      output.write('\n');
      return null;
    }
    // A line is an answer at most: the rest of a longer one, and control characters, never reach core.
    const line = cleanText(next.value, TEXT_LIMITS.answer);
    if (options.echo) output.write(`${line}\n`);
    return line.trim();
  };

  say(HELP);
  await showNext();
  for (let line = await read(); line !== null; line = await read()) {
    const command = line.toLowerCase();
    const { current, lastReviewId } = session;
    if (command === '/quit' || command === '/exit') break;
    if (line === '') continue;
    if (command === '/help') {
      say(HELP);
    } else if (command === '/stats') {
      say(renderStats(await quiz.stats(person)));
    } else if (command === '/skip') {
      if (current) skipped.push(current.card.id);
      await showNext();
    } else if (command === '/right') {
      // One line is one answer: the next card is already shown, so the confirmation comes, then that card again.
      say(
        lastReviewId === null
          ? 'There is no answer to re-rate yet.'
          : renderDispute(await quiz.dispute(lastReviewId, person)),
      );
      if (lastReviewId !== null && session.shown) say(session.shown);
    } else if (!current) {
      say('Nothing to answer right now. /stats, /help or /quit.');
      await showNext();
    } else if (current.card.kind === 'self') {
      const rating = /^[1-4]$/.test(line) ? (Number(line) as Rating) : null;
      if (session.revealed && rating) {
        await answer({ kind: 'self', rating });
      } else {
        // Any text before the reveal is the person's attempt: show the answer to compare with.
        await quiz.reveal(current.id, person);
        session.revealed = true;
        say(renderReveal(current.card));
      }
    } else if (command === '/reveal') {
      // "I don't know" on a card that is graded: show the answer and count it as forgotten.
      await answer({ kind: 'typed', text: '' });
    } else if (line.startsWith('/')) {
      say(`Unknown command ${line}. ${HELP}`);
    } else {
      await answer({ kind: 'typed', text: line });
    }
  }
  reader.close();
  say('Bye! Your progress is saved.');
}
