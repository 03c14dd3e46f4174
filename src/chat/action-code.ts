import { MnemoError } from '../core/errors.ts';
import type { Action } from './action.ts';
import { isStudyAction, type StudyAction, studyActionOf, studyCodeOf } from './study-code.ts';

/**
 * One compact text per button action, for every platform: Discord's custom id (at most 100 characters),
 * Slack's button value. `m:<tag>:<place>:<post>:<fields…>`, where place and post are what the platform
 * must get back and its payload will not tell (Discord: the server of a reminder's DM, the channel post of a
 * question of the day; Slack: that post), empty when there is none. Buttons posted before this format are
 * read by each adapter's legacy decoder.
 */
export interface Carried {
  place: string | null;
  post: string | null;
}

export const NOTHING_CARRIED: Carried = { place: null, post: null };

const PREFIX = 'm';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SLUG = /^[a-z0-9][a-z0-9-]*$/;
const COUNT = /^\d{1,15}$/;
/** A place or post reference: anything without the separator. */
const REF = /^[^:]{1,80}$/;

type Field = 'prompt' | 'deck' | 'count' | 'rating' | 'card';

const READ: Record<Field, (text: string) => unknown> = {
  prompt: (text) => (UUID.test(text) ? text : undefined),
  deck: (text) => (text === '*' ? null : SLUG.test(text) ? text : undefined),
  count: (text) => (COUNT.test(text) ? Number(text) : undefined),
  rating: (text) => (/^[1-4]$/.test(text) ? Number(text) : undefined),
  card: (text) => (SLUG.test(text) ? text : undefined),
};

export type Encodable = Exclude<Action['kind'], 'quiz' | StudyAction['kind']>;
type Layout = { tag: string; fields: [path: string, field: Field][] };

const PROMPT: [string, Field] = ['promptId', 'prompt'];
const DECK: [string, Field] = ['deckId', 'deck'];
const DAILY: [string, Field][] = [
  ['daily.deliveryId', 'count'],
  ['daily.cardId', 'card'],
];

/** Each action's tag and fields, in order. A form's typed text is not in its code: it comes with the form. */
const LAYOUTS: Record<Encodable, Layout> = {
  openAnswer: { tag: 'a', fields: [PROMPT, DECK] },
  typedAnswer: { tag: 't', fields: [PROMPT, DECK] },
  dontKnow: { tag: 'k', fields: [PROMPT, DECK] },
  reveal: { tag: 'v', fields: [PROMPT, DECK] },
  choose: { tag: 'o', fields: [PROMPT, ['option', 'count'], DECK] },
  rate: { tag: 'r', fields: [PROMPT, ['rating', 'rating'], DECK] },
  next: { tag: 'n', fields: [DECK] },
  dispute: { tag: 'w', fields: [['reviewId', 'count'], DECK] },
  showMore: { tag: 'm', fields: [PROMPT] },
  startReview: { tag: 'g', fields: [] },
  dailyChoose: { tag: 'do', fields: [...DAILY, ['option', 'count']] },
  dailyOpenAnswer: { tag: 'da', fields: DAILY },
  dailyTypedAnswer: { tag: 'dt', fields: DAILY },
  dailyReveal: { tag: 'dv', fields: DAILY },
  dailyRate: { tag: 'dr', fields: [['deliveryId', 'count'], PROMPT, ['rating', 'rating']] },
  erase: { tag: 'e', fields: [] },
  confirmImport: { tag: 'ic', fields: [['importId', 'prompt']] },
  cancelImport: { tag: 'ix', fields: [['importId', 'prompt']] },
};
const STUDY_TAG = 's';

/** The code of a button's action; over `limit`, "Next card" forgets its deck (every deck still works). */
export function encodeAction(action: Action, carried: Carried = NOTHING_CARRIED, limit = 100): string {
  const [tag = '', ...fields] = partsOf(action);
  // Only a question of the day's actions need its post: the others are spared the characters.
  const post = action.kind.startsWith('daily') ? (carried.post ?? '') : '';
  const text = [PREFIX, tag, carried.place ?? '', post, ...fields].join(':');
  if (text.length <= limit) return text;
  if ('deckId' in action && action.deckId !== null)
    return encodeAction({ ...action, deckId: null }, carried, limit);
  throw new MnemoError('INVARIANT', `an action code would be ${text.length} characters: ${text}`);
}

function partsOf(action: Action): string[] {
  if (isStudyAction(action)) {
    const { op, ref, deckId } = studyCodeOf(action);
    return [STUDY_TAG, op, ref, deckId ?? '*'];
  }
  if (action.kind === 'quiz') throw new MnemoError('INVARIANT', 'a quiz action is not a button');
  const layout = LAYOUTS[action.kind];
  return [layout.tag, ...layout.fields.map(([path, field]) => textOf(valueAt(action, path), field))];
}

function textOf(value: unknown, field: Field): string {
  return field === 'deck' && value === null ? '*' : String(value);
}

function valueAt(action: Action, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], action);
}

/** The action and what it carries, or null for a code this version did not make. */
export function decodeAction(code: string): { action: Action; carried: Carried } | null {
  const [prefix, tag, place = '', post = '', ...fields] = code.split(':');
  if (prefix !== PREFIX || (place !== '' && !REF.test(place)) || (post !== '' && !REF.test(post)))
    return null;
  const kind =
    tag === STUDY_TAG
      ? 'study'
      : (Object.keys(LAYOUTS) as Encodable[]).find((name) => LAYOUTS[name].tag === tag);
  const action = kind && actionFrom(kind, fields);
  return action ? { action, carried: { place: place || null, post: post || null } } : null;
}

/**
 * An action from its fields in the order of its code, each checked; null when any does not fit. `study`:
 * a study control's code, op and reference and deck (src/chat/study-code.ts).
 */
export function actionFrom(kind: Encodable | 'study', fields: readonly string[]): Action | null {
  if (kind === 'study') {
    const [op = '', ref = '', deck = ''] = fields;
    const deckId = READ.deck(deck) as string | null | undefined;
    return (fields.length === 3 && deckId !== undefined && studyActionOf({ op, ref, deckId })) || null;
  }
  const layout = LAYOUTS[kind];
  if (fields.length !== layout.fields.length) return null;
  // A form's text is filled in by the adapter from the submitted form.
  const action: Record<string, unknown> =
    kind === 'typedAnswer' || kind === 'dailyTypedAnswer' ? { kind, text: '' } : { kind };
  for (const [i, [path, field]] of layout.fields.entries()) {
    const value = READ[field](fields[i] ?? '');
    if (value === undefined) return null;
    const [head = '', key] = path.split('.');
    action[head] = key === undefined ? value : { ...(action[head] as object), [key]: value };
  }
  return action as Action;
}
