import { parse } from 'node:querystring';

/** The parsed body of a Slack request: a slash command's form fields, an interaction's `payload`, or an event's JSON. */
export type SlackBody = Record<string, unknown>;

/** A request's body, its form fields read once (node:querystring, as Bolt's receivers read them). */
export interface SlackRequestBody {
  /** Slack's SSL check (`ssl_check=1`, unsigned) carries nothing to process: it is answered 200 and dropped. */
  sslCheck: boolean;
  /**
   * For a verified request: form fields for slash commands, the JSON in `payload=` for interactions (block
   * actions, view submissions), JSON for the Events API. Throws on a malformed body.
   */
  parse(): SlackBody;
}

export function readSlackBody(rawBody: Buffer, contentType: string | undefined): SlackRequestBody {
  const text = rawBody.toString('utf8');
  if (contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded')
    return { sslCheck: false, parse: () => asObject(JSON.parse(text)) };
  const fields = parse(text);
  return {
    sslCheck: first(fields.ssl_check) === '1',
    parse: () => {
      const payload = first(fields.payload);
      if (payload !== undefined) return asObject(JSON.parse(payload));
      // A repeated field keeps its last value, as Object.fromEntries(URLSearchParams) did.
      const body: SlackBody = {};
      for (const [name, value] of Object.entries(fields))
        body[name] = Array.isArray(value) ? value.at(-1) : value;
      return body;
    },
  };
}

const first = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

function asObject(value: unknown): SlackBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('the body is not a JSON object');
  }
  return value as SlackBody;
}
