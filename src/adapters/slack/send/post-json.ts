import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/** Connections to Slack stay open between replies: a busy server answers many interactions a second. */
const AGENTS = {
  'http:': new HttpAgent({ keepAlive: true }),
  'https:': new HttpsAgent({ keepAlive: true }),
} as const;

/**
 * POSTs JSON and resolves with the HTTP status once the answer is read. node:http rather than fetch: on
 * every command and click, fetch's streams cost several times the request itself (README, Benchmarks).
 * Rejects when the connection fails or no answer comes within `timeoutMs`.
 */
export function postJson(url: string, body: unknown, timeoutMs: number): Promise<number> {
  const target = new URL(url);
  const text = JSON.stringify(body);
  const protocol = target.protocol === 'https:' ? 'https:' : 'http:';
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        agent: AGENTS[protocol],
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('timeout', () =>
      request.destroy(new Error(`no answer from ${target.host} within ${timeoutMs} ms`)),
    );
    request.on('error', reject);
    request.end(text);
  });
}
