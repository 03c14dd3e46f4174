import type { Action } from '../../chat/action.ts';
import { actionFrom, type Carried, type Encodable } from '../../chat/action-code.ts';
import { postText as dailyPostText } from './daily-post.ts';

/**
 * Buttons posted before the shared action code (src/chat/action-code.ts), still on questions of the day,
 * reminders, the App Home and cards in Slack: the action id names the action (`mn:choice:<option>`,
 * `mn:rate:<rating>`), the value is JSON with the ids. Read into the shared action, each field checked there.
 */
const KINDS: Record<string, Encodable | 'study'> = {
  answer: 'openAnswer',
  'give-up': 'dontKnow',
  reveal: 'reveal',
  choice: 'choose',
  rate: 'rate',
  next: 'next',
  right: 'dispute',
  start: 'startReview',
  erase: 'erase',
  'import-ok': 'confirmImport',
  'import-cancel': 'cancelImport',
  study: 'study',
  'daily-answer': 'dailyOpenAnswer',
  'daily-reveal': 'dailyReveal',
  'daily-choice': 'dailyChoose',
};

type Json = Record<string, unknown>;

/** A legacy click's action and the question-of-the-day post it carries, or null. */
export function decodeLegacyClick(
  actionId: string,
  value: string | undefined,
): { action: Action; carried: Carried } | null {
  const [prefix, name = '', index = ''] = actionId.split(':');
  const kind = prefix === 'mn' && Object.hasOwn(KINDS, name) ? KINDS[name] : undefined;
  if (!kind) return null;
  const v = jsonOf(value);
  const context = (v.context ?? {}) as Json;
  const daily = (context.daily ?? null) as Json | null;
  // A deck is null (every deck) or an id; anything else, a missing one included, is refused.
  const deck = (text: unknown) => (text === null ? '*' : typeof text === 'string' ? text : '');
  const fields = {
    prompt: [v.promptId, deck(context.deck)],
    daily: [v.deliveryId, v.cardId],
  };
  const found = (action: Action | null, post: string | null = null) =>
    action && { action, carried: { place: null, post } };
  switch (kind) {
    case 'openAnswer':
    case 'dontKnow':
    case 'reveal':
      return found(actionFrom(kind, fields.prompt.map(String)));
    case 'choose':
      return found(actionFrom(kind, [v.promptId, index, deck(context.deck)].map(String)));
    case 'rate':
      if (!daily) return found(actionFrom(kind, [v.promptId, index, deck(context.deck)].map(String)));
      return found(
        actionFrom('dailyRate', [daily.deliveryId, v.promptId, index].map(String)),
        postText(daily),
      );
    case 'next':
      return found(actionFrom(kind, [deck(v.deck)]));
    case 'dispute':
      return found(actionFrom(kind, [String(v.reviewId), deck(v.deck)]));
    case 'startReview':
    case 'erase':
      return found(actionFrom(kind, []));
    case 'confirmImport':
    case 'cancelImport':
      return found(actionFrom(kind, [String(v.importId)]));
    case 'study':
      return found(actionFrom(kind, [v.op, v.ref, deck(v.deck)].map(String)));
    case 'dailyChoose':
      return found(actionFrom(kind, [...fields.daily, index].map(String)), postText(v));
    default:
      return found(actionFrom(kind, fields.daily.map(String)), postText(v));
  }
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
