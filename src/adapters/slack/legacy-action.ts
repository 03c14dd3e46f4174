import type { Action } from '../../chat/action.ts';
import { actionFrom, type Carried, type Encodable } from '../../chat/action-code.ts';
import { postText as dailyPostText } from './daily-post.ts';

type Json = Record<string, unknown>;

/** A deck is null (every deck) or an id; anything else, a missing one included, is refused. */
const deck = (text: unknown) => (text === null ? '*' : typeof text === 'string' ? text : '');

/**
 * Buttons posted before the shared action code (src/chat/action-code.ts), still on questions of the day,
 * reminders, the App Home and cards in Slack: the action id names the action (`mn:choice:<option>`,
 * `mn:rate:<rating>`), the value is JSON with the ids. Read into the shared action, each field checked there.
 *
 * Each legacy name: the shared action it was, its fields in the order of the shared code (from the value `v`,
 * its `context` `c` and the id's index `i`), and the question-of-the-day post it carries.
 */
const LEGACY: Record<string, (v: Json, c: Json, i: string) => [Encodable | 'study', unknown[], Json?]> = {
  answer: (v, c) => ['openAnswer', [v.promptId, deck(c.deck)]],
  'give-up': (v, c) => ['dontKnow', [v.promptId, deck(c.deck)]],
  reveal: (v, c) => ['reveal', [v.promptId, deck(c.deck)]],
  choice: (v, c, i) => ['choose', [v.promptId, i, deck(c.deck)]],
  rate: (v, c, i) => {
    const daily = (c.daily ?? null) as Json | null;
    if (!daily) return ['rate', [v.promptId, i, deck(c.deck)]];
    return ['dailyRate', [daily.deliveryId, v.promptId, i], daily];
  },
  next: (v) => ['next', [deck(v.deck)]],
  right: (v) => ['dispute', [v.reviewId, deck(v.deck)]],
  start: () => ['startReview', []],
  erase: () => ['erase', []],
  'import-ok': (v) => ['confirmImport', [v.importId]],
  'import-cancel': (v) => ['cancelImport', [v.importId]],
  study: (v) => ['study', [v.op, v.ref, deck(v.deck)]],
  'daily-answer': (v) => ['dailyOpenAnswer', [v.deliveryId, v.cardId], v],
  'daily-reveal': (v) => ['dailyReveal', [v.deliveryId, v.cardId], v],
  'daily-choice': (v, _, i) => ['dailyChoose', [v.deliveryId, v.cardId, i], v],
};

/** A legacy click's action and the question-of-the-day post it carries, or null. */
export function decodeLegacyClick(
  actionId: string,
  value: string | undefined,
): { action: Action; carried: Carried } | null {
  const [prefix, name = '', index = ''] = actionId.split(':');
  const read = prefix === 'mn' && Object.hasOwn(LEGACY, name) ? LEGACY[name] : undefined;
  if (!read) return null;
  const v = jsonOf(value);
  const [kind, fields, post] = read(v, (v.context ?? {}) as Json, index);
  const action = actionFrom(kind, fields.map(String));
  return action && { action, carried: { place: null, post: post ? postText(post) : null } };
}

/** A question of the day's post as the shared code carries it on Slack (see dailyPostOf), or null. */
function postText(post: Json): string | null {
  const { localDate, channelId, messageTs } = post;
  if (typeof localDate !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(localDate)) return null;
  return dailyPostText({ localDate, channelId, messageTs });
}

/**
 * The code of what an answer form opened by an earlier version submits (its state named the prompt and the
 * quiz, or the question of the day, it belonged to).
 */
export function legacyAnswerCode(state: Json): string {
  const context = (state.context ?? {}) as Json;
  const daily = (context.daily ?? null) as Json | null;
  if (daily) return `m:dt::${postText(daily) ?? ''}:${daily.deliveryId}:${daily.cardId}`;
  return `m:t:::${state.promptId}:${typeof context.deck === 'string' ? context.deck : '*'}`;
}

export function jsonOf(text: string | undefined): Json {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return typeof value === 'object' && value !== null ? (value as Json) : {};
  } catch {
    return {};
  }
}
