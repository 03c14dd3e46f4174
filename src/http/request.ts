import type { ServerResponse } from 'node:http';
import { parse } from 'node:querystring';
import { sendJson } from './server.ts';

/**
 * A form-encoded body's fields, a repeated field keeping its last value (as Object.fromEntries(URLSearchParams)
 * does); null when the body is not a form.
 */
export function formFields(rawBody: Buffer, contentType: string | undefined): Record<string, string> | null {
  if (contentType?.split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return null;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(parse(rawBody.toString('utf8')))) {
    const last = Array.isArray(value) ? value.at(-1) : value;
    if (last !== undefined) fields[name] = last;
  }
  return fields;
}

/** A JSON object; throws when the text is not one. */
export function jsonObject(text: string): Record<string, unknown> {
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('the body is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/** Answers 200 with nothing, a text, or a JSON object; once only. */
export function answer(response: ServerResponse, reply?: unknown): void {
  if (response.headersSent) return;
  if (reply === undefined || reply === null || reply === '') {
    response.writeHead(200);
    response.end();
  } else if (typeof reply === 'string') {
    response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(reply);
  } else {
    sendJson(response, 200, reply);
  }
}
