import type { PersonRef } from './ports.ts';

/** How a person is named on the command line, per platform (what `--help` shows). */
export const PERSON_ID_FORMS = 'discord:<user id>, slack:<team id>:<user id> or console:<name>';

const MAX_LENGTH = 200; // characters
const DISCORD = /^discord:(\d{1,25})$/;
const SLACK = /^slack:([TE][A-Z0-9]{1,30}):([UW][A-Z0-9]{1,30})$/;
const CONSOLE = /^console:([^\s:]{1,100})$/;

export type PersonIdParse = { ok: true; person: PersonRef } | { ok: false; problem: string };

/** Reads `discord:<user id>`, `slack:<team>:<user>` or `console:<name>` into the ids the store keys people by. */
export function parsePersonId(text: string): PersonIdParse {
  if (text.length > MAX_LENGTH) return { ok: false, problem: `is longer than ${MAX_LENGTH} characters` };
  const discord = DISCORD.exec(text);
  if (discord?.[1]) return { ok: true, person: { platform: 'discord', externalId: discord[1] } };
  const slack = SLACK.exec(text);
  if (slack?.[1] && slack[2])
    return { ok: true, person: { platform: 'slack', externalId: `${slack[1]}:${slack[2]}` } };
  const local = CONSOLE.exec(text);
  if (local?.[1]) return { ok: true, person: { platform: 'console', externalId: local[1] } };
  return { ok: false, problem: `"${text}" is not ${PERSON_ID_FORMS}` };
}

/** The inverse of parsePersonId: how stored rows name the person (e.g. a daily's `created_by`). */
export function personIdOf(person: PersonRef): string {
  return `${person.platform}:${person.externalId}`;
}
