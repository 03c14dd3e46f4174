import { PERSON_ID_FORMS, PERSON_ID_LIMIT, readPersonId } from '../people.ts';
import type { PersonRef } from './ports.ts';

export type PersonIdParse = { ok: true; person: PersonRef } | { ok: false; problem: string };

/** Reads `discord:<user id>`, `slack:<team>:<user>` or `console:<name>` into the ids the store keys people by. */
export function parsePersonId(text: string): PersonIdParse {
  const read = readPersonId(text);
  if (read.ok)
    return { ok: true, person: { platform: read.person.platform, externalId: read.person.externalId } };
  return {
    ok: false,
    problem: text.length > PERSON_ID_LIMIT ? `is ${read.why}` : `"${text}" is not ${PERSON_ID_FORMS}`,
  };
}

/** The inverse of parsePersonId: how stored rows name the person (e.g. a daily's `created_by`). */
export function personIdOf(person: PersonRef): string {
  return `${person.platform}:${person.externalId}`;
}
