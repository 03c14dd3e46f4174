import type { RouteHandler } from '../http/server.ts';
import { sendJson } from '../http/server.ts';

/** GET /healthz: 200 {"status":"ok"} when the database answers, else 503 with the reason. */
export function healthRoute(ping: () => Promise<void>, timeoutMs = 2_000): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, { error: 'use GET' });
      return;
    }
    try {
      await Promise.race([
        ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
        ),
      ]);
      sendJson(response, 200, { status: 'ok' });
    } catch (error) {
      sendJson(response, 503, {
        status: 'unavailable',
        reason: `database: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  };
}
