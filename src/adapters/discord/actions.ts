import type { Action } from '../../chat/action.ts';
import { type Carried, decodeAction, encodeAction } from '../../chat/action-code.ts';
import { decodeLegacyId } from './legacy-id.ts';

/** Discord's limit on a component's or a modal's custom id. */
export const CUSTOM_ID_LIMIT = 100; // characters

/** A custom id: the shared action code, or the format of buttons an earlier version posted. */
export function decodeCustomId(customId: string): { action: Action; carried: Carried } | null {
  return decodeAction(customId) ?? decodeLegacyId(customId);
}

/**
 * The custom id of an action: the server rides along only in a DM (where the interaction does not say it),
 * and the channel post of a question of the day on its actions.
 */
export function customIdOf(action: Action, carried: Carried): string {
  return encodeAction(action, carried, CUSTOM_ID_LIMIT);
}
