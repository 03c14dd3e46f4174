import type { Action, CommandAction } from './action.ts';
import { type CommandActor, runCommand } from './commands.ts';
import { type DeckFileAction, type ImportStep, runDeckFiles } from './deck-files.ts';
import { runAction } from './flows.ts';
import { type Locale, localeFor } from './i18n/locale.ts';
import type { ChatPorts } from './ports.ts';
import { type PrivacyAction, runPrivacy } from './privacy.ts';
import { type Reply, whisper } from './reply.ts';

/** What a person asks by a command, a button or a form, by the flow that answers it. */
export type ChatRequest =
  /** A study command naming a deck (`/quiz deck:…`): an unknown deck is said so before a card is looked for. */
  | { flow: 'study'; action: Extract<Action, { kind: 'quiz' | 'practice' }> }
  | { flow: 'quiz'; action: Action }
  | { flow: 'command'; action: CommandAction }
  | { flow: 'privacy'; action: PrivacyAction }
  | { flow: 'deckFiles'; action: DeckFileAction };

/**
 * Who asks, and where. `appLocale`: their app's language tag; with `communityLocale`, the community's app
 * language is noted too (its questions of the day are written in it).
 */
export type RequestActor = CommandActor & { isAdmin: boolean };

/**
 * What a request runs on: privacy and deck files only for their own requests, so a platform without those
 * commands (the console) leaves them out.
 */
export type RequestPorts = Pick<ChatPorts, 'quiz' | 'community' | 'pictures' | 'cardMedia'> &
  Partial<Pick<ChatPorts, 'privacy' | 'deckFiles'>>;

export interface RequestHooks {
  /** A person's data was erased: this many rows. */
  onErased?: (total: number) => void;
  /** A step of a long import, said in the reader's language, for platforms that show progress. */
  onImportStep?: (step: ImportStep, locale: Locale) => Promise<void>;
  /** The reader's language where the platform reads it its own way (Slack asks users.info only without a choice). */
  locale?: () => Promise<Locale>;
}

/** A button's action as the request whose flow answers it: erase by privacy, an import's preview by deck files. */
export function buttonRequest(action: Action): ChatRequest {
  if (action.kind === 'erase') return { flow: 'privacy', action };
  if (action.kind === 'confirmImport' || action.kind === 'cancelImport') return { flow: 'deckFiles', action };
  return { flow: 'quiz', action };
}

/**
 * A request's flow, and the language its reply is written in (the reader's). Privacy and deck files read it
 * first (an erase takes the setting with it; an import says its steps in it); the others alongside the flow.
 */
export async function runRequest(
  ports: RequestPorts,
  request: ChatRequest,
  actor: RequestActor,
  hooks: RequestHooks = {},
): Promise<{ reply: Reply; locale: Locale }> {
  const reading = hooks.locale ? hooks.locale() : localeFor(ports.quiz, actor.person, actor.appLocale);
  if (request.flow === 'privacy' && ports.privacy) {
    const locale = await reading;
    return { reply: await runPrivacy(ports.privacy, request.action, actor.person, hooks.onErased), locale };
  }
  if (request.flow === 'deckFiles' && ports.deckFiles) {
    const locale = await reading;
    const { onImportStep } = hooks;
    const onStep = onImportStep && request.action.kind === 'deckImport' ? onImportStep : undefined;
    const steps = onStep && ((step: ImportStep) => onStep(step, locale));
    return { reply: await runDeckFiles(ports.deckFiles, request.action, actor, steps), locale };
  }
  const { place, communityLocale } = actor;
  const noting =
    place !== null && communityLocale !== undefined && ports.community.noteLocale(place, communityLocale);
  const [reply, locale] = await Promise.all([answer(ports, request, actor), reading, noting]);
  return { reply, locale };
}

async function answer(ports: RequestPorts, request: ChatRequest, actor: RequestActor): Promise<Reply> {
  switch (request.flow) {
    case 'command':
      return runCommand(ports, request.action, actor);
    case 'study': {
      const { deckId } = request.action;
      if (deckId !== null && actor.place && !(await ports.community.deck(actor.place, deckId))) {
        return whisper({ kind: 'message', message: { code: 'UNKNOWN_DECK', deckId } });
      }
      return runAction(ports.quiz, request.action, actor, ports.cardMedia);
    }
    case 'quiz':
      return runAction(ports.quiz, request.action, actor, ports.cardMedia);
    default:
      throw new Error(`the ${request.flow} flow was asked for without its port`);
  }
}
