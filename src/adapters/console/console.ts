import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type Action, RESCHEDULE } from '../../chat/action.ts';
import { type CommandPorts, runCommand } from '../../chat/commands.ts';
import { runAction } from '../../chat/flows.ts';
import { wordsOf } from '../../chat/messages.ts';
import type { Reply } from '../../chat/reply.ts';
import type { Card } from '../../core/deck/card.ts';
import type { Person, Place } from '../../core/people.ts';
import type { Quiz } from '../../core/quiz/quiz.ts';
import { cleanText, TEXT_LIMITS } from '../../core/text/clean-text.ts';
import { CONSOLE_STYLE, HELP, renderReply, say as words } from './render.ts';

export interface ConsoleOptions {
  quiz: Quiz;
  community: CommandPorts['community'];
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

/** The terminal quiz: one line per answer, on a terminal or from a pipe; ends at /quit or end of input. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { quiz, output } = options;
  const actor = { place: options.place, person: options.person, request: null };
  const deckId = options.deckId ?? null;
  const say = (text: string) => output.write(`${text}\n`);
  const { input } = options;
  const reader = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  // Take the iterator now: lines (and the end of input) that arrive while the first card loads are buffered, not lost.
  const lines = reader[Symbol.asyncIterator]();
  const skipped: string[] = [];
  // Mutated by the closures below; an object keeps TypeScript from narrowing it to its first value.
  const session = {
    /** The card waiting for an answer, and the actions its reply offers (the console's buttons). */
    card: null as Card | null,
    offered: [] as Action[],
    /** What was printed for the current card, to show it again after a /right confirmation. */
    shown: null as string | null,
    revealed: false,
    lastReviewId: null as number | null,
    /** The prompt last answered: /suspend, /bury, /keep and /note act on its card. */
    lastPromptId: null as string | null,
    /** Set by /practice: the cards come from practice, in this deck and tag. */
    practice: null as { deckId: string | null; tag: string | null } | null,
  };

  const showNext = async () => {
    const next: Action = session.practice
      ? { kind: 'practice', ...session.practice }
      : { kind: 'quiz', deckId, skipped };
    const reply = await runAction(quiz, next, actor);
    session.revealed = false;
    session.card = reply.body.kind === 'question' ? reply.body.card : null;
    session.offered = reply.buttons.map((button) => button.action);
    session.shown = renderReply(reply);
    say(session.shown);
  };

  /** The card's prompt, as every action it offers names it. */
  const ref = () => {
    const offered = session.offered.find((action) => 'promptId' in action && 'deckId' in action);
    return offered && 'promptId' in offered ? { promptId: offered.promptId, deckId } : null;
  };

  const answer = async (action: Action) => {
    const reply = await runAction(quiz, action, actor);
    say(renderReply(reply));
    const { body } = reply;
    if (body.kind === 'verdict') {
      session.lastReviewId = body.result.practice ? null : body.result.reviewId;
      session.lastPromptId = body.promptId;
    }
    // A number that is no option leaves the card in place, to pick again.
    if (body.kind === 'message' && body.message.code === 'NO_SUCH_OPTION') return;
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

  const ports = { quiz, community: options.community };
  /** Commands that print a reply and leave the card where it is (the console's buttons and study controls). */
  const replies: Record<string, (line: string) => Promise<Reply> | null> = {
    '/stats': () => runCommand(ports, { kind: 'stats' }, actor),
    '/reschedule': () => runCommand(ports, RESCHEDULE, actor),
    // `/settings` lists the suspended cards; `/unsuspend <card id>` brings one back.
    '/settings': () => runCommand(ports, { kind: 'settings', patch: {}, reminder: null }, actor),
    '/unsuspend': (line) => runAction(quiz, { kind: 'unsuspend', cardId: line.split(/\s+/)[1] ?? '' }, actor),
    // The buttons after an answer, on the card last answered.
    '/suspend': () => study({ kind: 'suspend', promptId: '', deckId }),
    '/bury': () => study({ kind: 'bury', promptId: '', deckId }),
    '/keep': () => study({ kind: 'keepStudying', promptId: '', deckId }),
    '/note': () => study({ kind: 'showNote', promptId: '' }),
  };
  const study = (action: Extract<Action, { promptId: string }>) =>
    session.lastPromptId === null
      ? null
      : runAction(quiz, { ...action, promptId: session.lastPromptId }, actor);

  say(HELP);
  await showNext();
  for (let line = await read(); line !== null; line = await read()) {
    const command = line.toLowerCase();
    const { card, lastReviewId } = session;
    const prompt = ref();
    if (command === '/quit' || command === '/exit') break;
    if (line === '') continue;
    const reply = command.startsWith('/unsuspend ') ? replies['/unsuspend'] : replies[command];
    if (command === '/help') {
      say(HELP);
    } else if (reply) {
      const shown = await reply(command);
      say(shown ? renderReply(shown) : words('console.answerFirst'));
    } else if (command === '/practice' || command.startsWith('/practice ')) {
      const words = line.split(/\s+/).slice(1);
      const tag = words.find((word) => word.startsWith('#'))?.slice(1) || null;
      session.practice = { deckId: words.find((word) => !word.startsWith('#')) ?? deckId, tag };
      await showNext();
    } else if (command === '/skip') {
      if (card) skipped.push(card.id);
      await showNext();
    } else if (command === '/right') {
      // One line is one answer: the next card is already shown, so the confirmation comes, then that card again.
      if (lastReviewId === null) {
        say(wordsOf({ code: 'REVIEW_NOT_FOUND' }, CONSOLE_STYLE));
      } else {
        say(renderReply(await runAction(quiz, { kind: 'dispute', reviewId: lastReviewId, deckId }, actor)));
        if (session.shown) say(session.shown);
      }
    } else if (!card || !prompt) {
      say(words('console.nothingToAnswer'));
      await showNext();
    } else if (card.kind === 'self') {
      const rate = session.offered.find((action) => action.kind === 'rate' && String(action.rating) === line);
      if (session.revealed && rate) {
        await answer(rate);
      } else {
        // Any text before the reveal is the person's attempt: show the answer to compare with.
        const reply = await runAction(quiz, { kind: 'reveal', ...prompt }, actor);
        session.revealed = true;
        session.offered = reply.buttons.map((button) => button.action);
        say(renderReply(reply));
      }
    } else if (command === '/reveal') {
      // "I don't know" on a card that is graded: show the answer and count it as forgotten.
      await answer({ kind: 'dontKnow', ...prompt });
    } else if (line.startsWith('/')) {
      say(words('console.unknown', { line, help: HELP }));
    } else {
      // A number picks an option of a multiple-choice card (core reads it so), text is graded.
      await answer({ kind: 'typedAnswer', ...prompt, text: line });
    }
  }
  reader.close();
  say(words('console.bye'));
}
