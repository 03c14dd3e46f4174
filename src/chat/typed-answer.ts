import type { Action } from './action.ts';

/** An action that a submitted answer form carries: a card's or a question of the day's typed answer. */
export type TypedAnswer = Extract<Action, { kind: 'typedAnswer' | 'dailyTypedAnswer' }>;

/**
 * The action of a submitted answer form with the text typed in it (an action code carries no text: see
 * src/chat/action-code.ts), or null when the form's code names any other action.
 */
export function submittedAnswer(action: Action | undefined, text: string): TypedAnswer | null {
  return action?.kind === 'typedAnswer' || action?.kind === 'dailyTypedAnswer' ? { ...action, text } : null;
}
