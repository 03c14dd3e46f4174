import type { Person } from '../core/people.ts';

const PERSON_LIMIT = 200; // characters: far more than any platform id

/** The forms `--person` takes, for messages. */
export const PERSON_FORMS = 'discord:<user id>, slack:<team id>:<user id> or console:<name>';

/**
 * `--person discord:<user id>|slack:<team>:<user>|console:<name>` as the person the platform stores (the
 * users table's platform and external id); an error message naming what is wrong otherwise.
 */
export function parsePerson(value: string): { ok: true; person: Person } | { ok: false; error: string } {
  const bad = (why: string) => ({ ok: false as const, error: `--person "${value.slice(0, 60)}": ${why}` });
  if (value.length > PERSON_LIMIT) return bad(`longer than ${PERSON_LIMIT} characters`);
  const colon = value.indexOf(':');
  const platform = colon < 0 ? value : value.slice(0, colon);
  const externalId = colon < 0 ? '' : value.slice(colon + 1);
  switch (platform) {
    case 'discord':
      return /^\d{1,25}$/.test(externalId)
        ? { ok: true, person: { platform, externalId } }
        : bad('a Discord person is discord:<user id>, the user id in digits');
    case 'slack':
      return /^[A-Z0-9]{1,30}:[A-Z0-9]{1,30}$/i.test(externalId)
        ? { ok: true, person: { platform, externalId } }
        : bad('a Slack person is slack:<team id>:<user id>, such as slack:T0123:U0456');
    case 'console':
      return externalId.trim() !== ''
        ? { ok: true, person: { platform, externalId } }
        : bad('a console person is console:<name>');
    default:
      return bad(`expected ${PERSON_FORMS}`);
  }
}
