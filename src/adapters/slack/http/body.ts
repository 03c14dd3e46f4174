/** The parsed body of a Slack request: a slash command's form fields, an interaction's `payload`, or an event's JSON. */
export type SlackBody = Record<string, unknown>;

function isForm(contentType: string | undefined): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/**
 * Parses a verified body as Bolt's own receivers do: form fields for slash commands, the JSON in `payload=` for
 * interactions (block actions, view submissions), JSON for the Events API. Throws on a malformed body.
 */
export function parseSlackBody(rawBody: Buffer, contentType: string | undefined): SlackBody {
  const text = rawBody.toString('utf8');
  if (isForm(contentType)) {
    const fields = new URLSearchParams(text);
    const payload = fields.get('payload');
    return payload === null ? Object.fromEntries(fields) : asObject(JSON.parse(payload));
  }
  return asObject(JSON.parse(text));
}

/** Slack's SSL check (`ssl_check=1`) carries nothing to process; it is answered 200 and dropped. */
export function isSslCheck(rawBody: Buffer, contentType: string | undefined): boolean {
  return isForm(contentType) && new URLSearchParams(rawBody.toString('utf8')).get('ssl_check') === '1';
}

function asObject(value: unknown): SlackBody {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('the body is not a JSON object');
  }
  return value as SlackBody;
}
