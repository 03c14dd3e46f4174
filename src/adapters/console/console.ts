import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type Action, type CommandAction, type PromptRef, RESCHEDULE } from '../../chat/action.ts';
import { studyWordsOf } from '../../chat/command-options.ts';
import { wordsOf } from '../../chat/messages.ts';
import type { Reply } from '../../chat/reply.ts';
import { type ChatRequest, type RequestPorts, runRequest } from '../../chat/requests.ts';
import type { Card } from '../../core/deck/card.ts';
import type { Person, Place } from '../../core/people.ts';
import { cleanText, TEXT_LIMITS } from '../../core/text/clean-text.ts';
import { CONSOLE_STYLE, HELP, renderReply, say as words } from './render.ts';

export interface ConsoleOptions extends Pick<RequestPorts, 'quiz' | 'community'> {
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

/** Commands that print a reply and leave the card where it is. */
const COMMANDS: Record<string, CommandAction> = {
  '/stats': { kind: 'stats' },
  '/reschedule': RESCHEDULE,
  // `/settings` lists the suspended cards; `/unsuspend <card id>` brings one back.
  '/settings': { kind: 'settings', patch: {}, reminder: null },
};

/** The console's buttons after an answer: each command takes the action of its kind the verdict offered. */
const AFTER_ANSWER: Record<string, Action['kind']> = {
  '/right': 'dispute',
  '/suspend': 'suspend',
  '/bury': 'bury',
  '/keep': 'keepStudying',
  '/note': 'showNote',
};

/** The terminal quiz: one line per answer, on a terminal or from a pipe; ends at /quit or end of input. */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { output, input } = options;
  const actor = { place: options.place, person: options.person, request: null, isAdmin: false };
  const deckId = options.deckId ?? null;
  const say = (text: string) => output.write(`${text}\n`);
  const reader = createInterface({ input, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  // Take the iterator now: lines (and the end of input) that arrive while the first card loads are buffered, not lost.
  const lines = reader[Symbol.asyncIterator]();
  const skipped: string[] = [];
  // Mutated by the closures below; an object keeps TypeScript from narrowing it to its first value.
  const session = {
    /** The card waiting for an answer, and the actions its reply offers (the console's buttons). */
    card: null as Card | null,
    offered: [] as Action[],
    /** What was printed for the current card, to show it again after a confirmation. */
    shown: null as string | null,
    /** The actions the last verdict offered: /right, /suspend, /bury, /keep and /note take them. */
    answered: [] as Action[],
    /** Set by /practice: the cards come from practice, in this deck and tag. */
    practice: null as { deckId: string | null; tag: string | null } | null,
  };

  const run = async (request: ChatRequest): Promise<Reply> =>
    (await runRequest(options, request, actor)).reply;
  const offers = (reply: Reply) => reply.buttons.map((button) => button.action);

  const showNext = async () => {
    const next: Action = session.practice
      ? { kind: 'practice', ...session.practice }
      : { kind: 'quiz', deckId, skipped };
    const reply = await run({ flow: 'quiz', action: next });
    session.card = reply.body.kind === 'question' ? reply.body.card : null;
    session.offered = offers(reply);
    session.shown = renderReply(reply);
    say(session.shown);
  };

  const answer = async (action: Action) => {
    const reply = await run({ flow: 'quiz', action });
    say(renderReply(reply));
    if (reply.body.kind === 'verdict') session.answered = offers(reply);
    // A number that is no option leaves the card in place, to pick again.
    if (reply.body.kind === 'message' && reply.body.message.code === 'NO_SUCH_OPTION') return;
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

  /** A command that prints and leaves the card where it is: its reply, or a refusal's words; null: no such command. */
  const aside = (lower: string): Promise<Reply> | string | null => {
    const [name = '', cardId = ''] = lower.split(/\s+/);
    const action = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (action) return run({ flow: 'command', action });
    if (name === '/unsuspend') return run({ flow: 'quiz', action: { kind: 'unsuspend', cardId } });
    if (!Object.hasOwn(AFTER_ANSWER, name)) return null;
    const offered = session.answered.find((offer) => offer.kind === AFTER_ANSWER[name]);
    if (offered) return run({ flow: 'quiz', action: offered });
    // "I was right" where the verdict offered none: there is no answer to re-rate.
    return name === '/right'
      ? wordsOf({ code: 'REVIEW_NOT_FOUND' }, CONSOLE_STYLE)
      : words('console.answerFirst');
  };

  say(HELP);
  await showNext();
  for (let line = await read(); line !== null; line = await read()) {
    const lower = line.toLowerCase();
    const { card, offered } = session;
    const prompt = promptOf(offered);
    const asked = aside(lower);
    if (lower === '/quit' || lower === '/exit') break;
    if (line === '') continue;
    if (lower === '/help') {
      say(HELP);
    } else if (asked !== null) {
      const reply = await asked;
      say(typeof reply === 'string' ? reply : renderReply(reply));
      // One line is one answer: the next card is already shown, so it comes again under the confirmation.
      if (lower === '/right' && typeof reply !== 'string' && session.shown) say(session.shown);
    } else if (lower === '/practice' || lower.startsWith('/practice ')) {
      const asked = studyWordsOf(line.split(/\s+/).slice(1));
      session.practice = { deckId: asked.deckId ?? deckId, tag: asked.tag };
      await showNext();
    } else if (lower === '/skip') {
      if (card) skipped.push(card.id);
      await showNext();
    } else if (!card || !prompt) {
      say(words('console.nothingToAnswer'));
      await showNext();
    } else {
      const action = cardAction(line, card, prompt, offered);
      if (action === null) say(words('console.unknown', { line, help: HELP }));
      else if (action.kind !== 'reveal') await answer(action);
      else {
        const reply = await run({ flow: 'quiz', action });
        session.offered = offers(reply);
        say(renderReply(reply));
      }
    }
  }
  reader.close();
  say(words('console.bye'));
}

/** The card's prompt, as every action it offers names it. */
function promptOf(offered: Action[]): PromptRef | null {
  const action = offered.find((offer) => 'promptId' in offer && 'deckId' in offer);
  return action && 'deckId' in action ? { promptId: action.promptId, deckId: action.deckId } : null;
}

/** What a line asks of the card shown (as its buttons would), or null for a command the console has not. */
function cardAction(line: string, card: Card, prompt: PromptRef, offered: Action[]): Action | null {
  if (card.kind === 'self') {
    // Any text before the reveal is the person's attempt: the answer is shown to compare with, then rated 1-4.
    const rate = offered.find((action) => action.kind === 'rate' && String(action.rating) === line);
    return rate ?? { kind: 'reveal', ...prompt };
  }
  // "I don't know" on a card that is graded: the answer shown, the card counted as forgotten.
  if (line.toLowerCase() === '/reveal') return { kind: 'dontKnow', ...prompt };
  // A number picks an option of a multiple-choice card (core reads it so), text is graded.
  return line.startsWith('/') ? null : { kind: 'typedAnswer', ...prompt, text: line };
}
