import { type StudyAction, studyActionOf, studyCodeOf } from '../../chat/study-code.ts';
import { MnemoError } from '../../core/errors.ts';
import type { Rating } from '../../core/rating.ts';

/** Discord's limit on a component's or a modal's custom id. */
export const CUSTOM_ID_LIMIT = 100; // characters

/**
 * Where "Next card" continues: the deck chosen in /quiz (null: every deck), and the server when the
 * interaction comes from a DM, which carries none (a reminder's "Start review").
 */
export interface Scope {
  deckId: string | null;
  guildId: string | null;
}

/** What a button or a modal does. Everything a handler needs is in its custom id, so no state is kept. */
export type Action =
  | { kind: 'openAnswer'; promptId: string; scope: Scope }
  | { kind: 'typedAnswer'; promptId: string; scope: Scope }
  | { kind: 'dontKnow'; promptId: string; scope: Scope }
  | { kind: 'choose'; promptId: string; option: number; scope: Scope }
  | { kind: 'reveal'; promptId: string; scope: Scope }
  | { kind: 'rate'; promptId: string; rating: Rating; scope: Scope }
  | { kind: 'next'; scope: Scope }
  | { kind: 'dispute'; reviewId: number }
  | { kind: 'showMore'; promptId: string }
  | { kind: 'startReview'; guildId: string }
  | { kind: 'dailyChoose'; deliveryId: number; option: number; cardId: string }
  | { kind: 'dailyOpenAnswer'; deliveryId: number; cardId: string }
  | { kind: 'dailyTypedAnswer'; deliveryId: number; cardId: string }
  | { kind: 'dailyReveal'; deliveryId: number; cardId: string }
  | { kind: 'dailyRate'; promptId: string; rating: Rating; deliveryId: number; messageId: string }
  | { kind: 'erase' }
  | { kind: 'confirmImport'; importId: string }
  | { kind: 'cancelImport'; importId: string }
  /** A study control (src/chat/study-code.ts): `mn:st:<op>:<ref>:<scope>`. */
  | { kind: 'study'; action: StudyAction; scope: Scope };

const PREFIX = 'mn';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SNOWFLAKE = /^\d{1,20}$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const COUNT = /^\d{1,15}$/;

const TAGS = {
  openAnswer: 'ans',
  typedAnswer: 'typed',
  dontKnow: 'idk',
  choose: 'opt',
  reveal: 'show',
  rate: 'rate',
  next: 'next',
  dispute: 'right',
  showMore: 'more',
  startReview: 'start',
  dailyChoose: 'dopt',
  dailyOpenAnswer: 'dans',
  dailyTypedAnswer: 'dtyped',
  dailyReveal: 'dshow',
  dailyRate: 'drate',
  erase: 'erase',
  confirmImport: 'impok',
  cancelImport: 'impno',
  study: 'st',
} as const satisfies Record<Action['kind'], string>;

/** The custom id of an action; throws when it would pass Discord's limit even without its deck. */
export function encodeAction(action: Action): string {
  const id = [PREFIX, TAGS[action.kind], ...fieldsOf(action)].join(':');
  if (id.length <= CUSTOM_ID_LIMIT) return id;
  if ('scope' in action && action.scope.deckId !== null) {
    // Too long with the deck: "Next card" then draws from every deck, which still works.
    return encodeAction({ ...action, scope: { ...action.scope, deckId: null } });
  }
  throw new MnemoError('INVARIANT', `a Discord custom id would be ${id.length} characters: ${id}`);
}

function fieldsOf(action: Action): string[] {
  switch (action.kind) {
    case 'openAnswer':
    case 'typedAnswer':
    case 'dontKnow':
    case 'reveal':
      return [action.promptId, encodeScope(action.scope)];
    case 'choose':
      return [action.promptId, String(action.option), encodeScope(action.scope)];
    case 'rate':
      return [action.promptId, String(action.rating), encodeScope(action.scope)];
    case 'next':
      return [encodeScope(action.scope)];
    case 'dispute':
      return [String(action.reviewId)];
    case 'showMore':
      return [action.promptId];
    case 'startReview':
      return [action.guildId];
    case 'dailyChoose':
      return [String(action.deliveryId), String(action.option), action.cardId];
    case 'dailyOpenAnswer':
    case 'dailyTypedAnswer':
    case 'dailyReveal':
      return [String(action.deliveryId), action.cardId];
    case 'dailyRate':
      return [action.promptId, String(action.rating), String(action.deliveryId), action.messageId];
    case 'erase':
      return [];
    case 'confirmImport':
    case 'cancelImport':
      return [action.importId];
    case 'study': {
      const { op, ref } = studyCodeOf(action.action);
      return [op, ref, encodeScope(action.scope)];
    }
  }
}

/** `<deck or *>` then `@<guild>` when the scope names a server. */
function encodeScope(scope: Scope): string {
  return `${scope.deckId ?? '*'}${scope.guildId === null ? '' : `@${scope.guildId}`}`;
}

function decodeScope(text: string | undefined): Scope | null {
  if (text === undefined) return null;
  const [deck = '', guild] = text.split('@');
  if (deck !== '*' && !SLUG.test(deck)) return null;
  if (guild !== undefined && !SNOWFLAKE.test(guild)) return null;
  return { deckId: deck === '*' ? null : deck, guildId: guild ?? null };
}

/** The action behind a custom id, or null for anything this bot did not make (or an older format). */
export function decodeAction(customId: string): Action | null {
  const [prefix, tag, ...fields] = customId.split(':');
  if (prefix !== PREFIX) return null;
  const [a = '', b = '', c = '', d = ''] = fields;
  const promptId = UUID.test(a) ? a : null;
  switch (tag) {
    case TAGS.openAnswer:
    case TAGS.typedAnswer:
    case TAGS.dontKnow:
    case TAGS.reveal: {
      const scope = decodeScope(b);
      if (!promptId || !scope || fields.length !== 2) return null;
      const kind = ({ ans: 'openAnswer', typed: 'typedAnswer', idk: 'dontKnow', show: 'reveal' } as const)[
        tag
      ];
      return { kind, promptId, scope };
    }
    case TAGS.choose: {
      const scope = decodeScope(c);
      if (!promptId || !scope || !COUNT.test(b) || fields.length !== 3) return null;
      return { kind: 'choose', promptId, option: Number(b), scope };
    }
    case TAGS.rate: {
      const scope = decodeScope(c);
      const rating = ratingOf(b);
      if (!promptId || !scope || !rating || fields.length !== 3) return null;
      return { kind: 'rate', promptId, rating, scope };
    }
    case TAGS.next: {
      const scope = decodeScope(a);
      return scope && fields.length === 1 ? { kind: 'next', scope } : null;
    }
    case TAGS.dispute:
      return COUNT.test(a) && fields.length === 1 ? { kind: 'dispute', reviewId: Number(a) } : null;
    case TAGS.showMore:
      return promptId && fields.length === 1 ? { kind: 'showMore', promptId } : null;
    case TAGS.startReview:
      return SNOWFLAKE.test(a) && fields.length === 1 ? { kind: 'startReview', guildId: a } : null;
    case TAGS.dailyChoose:
      if (!COUNT.test(a) || !COUNT.test(b) || !SLUG.test(c) || fields.length !== 3) return null;
      return { kind: 'dailyChoose', deliveryId: Number(a), option: Number(b), cardId: c };
    case TAGS.dailyOpenAnswer:
    case TAGS.dailyTypedAnswer:
    case TAGS.dailyReveal: {
      if (!COUNT.test(a) || !SLUG.test(b) || fields.length !== 2) return null;
      const kind = ({ dans: 'dailyOpenAnswer', dtyped: 'dailyTypedAnswer', dshow: 'dailyReveal' } as const)[
        tag
      ];
      return { kind, deliveryId: Number(a), cardId: b };
    }
    case TAGS.dailyRate: {
      const rating = ratingOf(b);
      if (!promptId || !rating || !COUNT.test(c) || !SNOWFLAKE.test(d) || fields.length !== 4) return null;
      return { kind: 'dailyRate', promptId, rating, deliveryId: Number(c), messageId: d };
    }
    case TAGS.erase:
      return fields.length === 0 ? { kind: 'erase' } : null;
    case TAGS.confirmImport:
    case TAGS.cancelImport: {
      if (!promptId || fields.length !== 1) return null;
      return { kind: tag === TAGS.confirmImport ? 'confirmImport' : 'cancelImport', importId: promptId };
    }
    case TAGS.study: {
      const scope = decodeScope(c);
      const action = scope && fields.length === 3 && studyActionOf({ op: a, ref: b, deckId: scope.deckId });
      return action ? { kind: 'study', action, scope } : null;
    }
    default:
      return null;
  }
}

function ratingOf(text: string): Rating | null {
  return text === '1' || text === '2' || text === '3' || text === '4' ? (Number(text) as Rating) : null;
}
