import { webApi } from '@slack/bolt';
import { Kept } from '../../../core/kept.ts';
import type { Sleep } from '../../../http/channel-pacer.ts';
import { platformError } from '../../../http/platform-error.ts';
import { currentWorkspaceToken } from '../../../installs/slack/workspace-token.ts';

export type WebClient = webApi.WebClient;

export const API_DEFAULTS = {
  /** How often a call waits out a 429's Retry-After before giving up. */
  rateLimitWaits: 3,
  timeoutMs: 10_000, // ms per call
} as const;

/** WebClient options shared by Bolt's client and Mnemo's: 429s come back to us, so we wait with our own sleep. */
export function webClientOptions(apiUrl: string): webApi.WebClientOptions {
  return {
    slackApiUrl: apiUrl,
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: API_DEFAULTS.timeoutMs,
    allowAbsoluteUrls: false,
  };
}

/** Per-token WebClients kept at most; past that the least recently used is dropped (and made again when needed). */
const TOKEN_CLIENTS = 1_000;
/** A client holds nothing that goes stale: kept until pushed out (Kept's age is then never reached). */
const FOREVER_MS = Number.MAX_SAFE_INTEGER;

/** Errors that say the token no longer works: retrying cannot help. */
const UNAUTHORIZED = new Set([
  'invalid_auth',
  'not_authed',
  'token_revoked',
  'token_expired',
  'account_inactive',
  'team_access_not_granted',
]);
/** Errors on Slack's side that pass: left as they are, so a caller may try again later. */
const PASSING = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

/** The Web API with Mnemo's rules: wait out a 429's Retry-After, and name refusals with MnemoError codes. */
export class SlackApi {
  readonly client: WebClient;
  readonly #sleep: Sleep;
  readonly #onError: ((status: number) => void) | undefined;

  readonly #clientFor: ((token: string) => WebClient) | undefined;
  readonly #tokenClients = new Kept<WebClient>(TOKEN_CLIENTS, FOREVER_MS);

  /**
   * `onError` is told the HTTP status of each failed call (429 for rate limits), for metrics. With
   * `clientFor` (OAuth installs), a call inside `asWorkspace(token, …)` goes through a client for that token.
   */
  constructor(
    client: WebClient,
    sleep: Sleep,
    onError?: (status: number) => void,
    clientFor?: (token: string) => WebClient,
  ) {
    this.client = client;
    this.#sleep = sleep;
    this.#onError = onError;
    this.#clientFor = clientFor;
  }

  async call<T>(method: string, run: (client: WebClient) => Promise<T>): Promise<T> {
    const client = this.#currentClient();
    for (let waits = 0; ; waits++) {
      try {
        return await run(client);
      } catch (error) {
        const retryAfter = rateLimitOf(error);
        this.#onError?.(retryAfter !== null ? 429 : statusOf(error));
        if (retryAfter !== null && waits < API_DEFAULTS.rateLimitWaits) {
          await this.#sleep(retryAfter * 1_000);
          continue;
        }
        throw asMnemoError(method, error);
      }
    }
  }

  #currentClient(): WebClient {
    const token = currentWorkspaceToken();
    if (token === undefined || !this.#clientFor) return this.client;
    let client = this.#tokenClients.get(token, 0);
    if (!client) {
      client = this.#clientFor(token);
      this.#tokenClients.set(token, client, 0);
    }
    return client;
  }
}

/** Slack answers most refusals with 200 and `ok: false`; those count under 200. */
function statusOf(error: unknown): number {
  const status = (error as Partial<webApi.WebAPIHTTPError>).statusCode;
  return typeof status === 'number' ? status : 200;
}

function rateLimitOf(error: unknown): number | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  if (error.code !== webApi.ErrorCode.RateLimitedError) return null;
  const { retryAfter } = error as webApi.WebAPIRateLimitedError;
  return Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : 1;
}

/** A refusal as MnemoError (src/http/platform-error.ts); Slack's passing faults stay as they are. */
export function asMnemoError(method: string, error: unknown): unknown {
  if (!(error instanceof Error) || !('code' in error)) return error;
  const refused = error.code === webApi.ErrorCode.PlatformError;
  const code = refused ? (error as webApi.WebAPIPlatformError).data.error : '';
  if (PASSING.has(code)) return error;
  // A refusal comes with 200 and `ok: false`; it counts as a 4xx.
  const status = error.code === webApi.ErrorCode.HTTPError ? statusOf(error) : refused ? 400 : null;
  const tokenRefused = UNAUTHORIZED.has(code) || status === 401 || status === 403;
  return platformError(error, { platform: 'Slack', what: `call ${method}`, status, tokenRefused });
}
