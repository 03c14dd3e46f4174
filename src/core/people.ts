/** A community the bot serves: a Discord server, a Slack workspace, the console. */
export interface Place {
  tenantId: string;
  platform: string;
  name?: string;
}

/** Who is answering, as the platform knows them. */
export interface Person {
  platform: string;
  externalId: string;
  displayName?: string;
}

/** How a person is named on the command line, per platform (what `--help` and problems show). */
export const PERSON_ID_FORMS = 'discord:<user id>, slack:<team id>:<user id> or console:<name>';

export const PERSON_ID_LIMIT = 200; // characters: far more than any platform id
const PERSON_IDS: Record<string, { form: RegExp; why: string }> = {
  discord: { form: /^\d{1,25}$/, why: 'a Discord person is discord:<user id>, the user id in digits' },
  slack: {
    form: /^[TE][A-Z0-9]{1,30}:[UW][A-Z0-9]{1,30}$/,
    why: 'a Slack person is slack:<team id>:<user id>, such as slack:T0123:U0456',
  },
  console: { form: /^[^\s:]{1,100}$/, why: 'a console person is console:<name>' },
  // Simulated learners (mnemo simulate): sim:<seed>:<n>.
  sim: { form: /^\d{1,15}:\d{1,9}$/, why: 'a simulated person is sim:<seed>:<n>' },
};

/**
 * `discord:<user id>`, `slack:<team>:<user>`, `console:<name>` (or `sim:<seed>:<n>`) as the person the store
 * keys (platform and external id); otherwise why not, for the command to word its problem around.
 */
export function readPersonId(text: string): { ok: true; person: Person } | { ok: false; why: string } {
  if (text.length > PERSON_ID_LIMIT) return { ok: false, why: `longer than ${PERSON_ID_LIMIT} characters` };
  const colon = text.indexOf(':');
  const platform = colon < 0 ? text : text.slice(0, colon);
  const externalId = colon < 0 ? '' : text.slice(colon + 1);
  const rule = PERSON_IDS[platform];
  if (!rule) return { ok: false, why: `expected ${PERSON_ID_FORMS}` };
  return rule.form.test(externalId)
    ? { ok: true, person: { platform, externalId } }
    : { ok: false, why: rule.why };
}
