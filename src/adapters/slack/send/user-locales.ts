import type { Logger } from 'pino';
import type { Clock } from '../../../core/clock.ts';
import { Kept } from '../../../core/kept.ts';
import { userInfoResult } from '../payloads.ts';
import type { SlackApi } from './slack-api.ts';

export const USER_LOCALE_DEFAULTS = {
  /** People whose locale is kept; past that the oldest entry is dropped. */
  maxEntries: 10_000,
  ttlMs: 6 * 60 * 60_000, // ms: a person who changes their Slack language is followed within hours
  /** A failed look-up is not asked again for this long: without it, a workspace that has not granted
   * users:read (or a Slack that answers without the locale) costs a Web API call on every click. */
  failedTtlMs: 10 * 60_000, // ms
} as const;

/** A person's rights in the workspace, time zone and locale (`users.info`), read afresh on every call. */
export async function workspaceRights(api: SlackApi, userId: string) {
  const { user } = userInfoResult.parse(
    await api.call('users.info', (client) => client.users.info({ user: userId, include_locale: true })),
  );
  return {
    isAdmin: Boolean(user.is_admin || user.is_owner || user.is_primary_owner),
    timeZone: user.tz ?? null,
    locale: user.locale ?? null,
  };
}

/**
 * Each Slack user's language (`users.info`), kept per workspace and user for a while so that a click costs no
 * extra call. A failed look-up reads as "not told" (English) and is not asked again for a few minutes; it is
 * logged once per person (while they are remembered), not on every click of theirs.
 */
export class SlackUserLocales {
  readonly #api: SlackApi;
  readonly #clock: Clock;
  readonly #log: Logger;
  readonly #known: Kept<string | null>;
  readonly #warned: Kept<true>;
  readonly #failed: Kept<true>;

  constructor(api: SlackApi, clock: Clock, log: Logger, options = USER_LOCALE_DEFAULTS) {
    this.#api = api;
    this.#clock = clock;
    this.#log = log;
    this.#known = new Kept(options.maxEntries, options.ttlMs);
    this.#warned = new Kept(options.maxEntries, options.ttlMs);
    this.#failed = new Kept(options.maxEntries, options.failedTtlMs);
  }

  /** The user's Slack locale (`ja-JP`, `es-ES`); null when Slack does not say or cannot be asked. */
  async of(teamId: string, userId: string): Promise<string | null> {
    const key = `${teamId}:${userId}`;
    const now = this.#clock.now().getTime();
    const known = this.#known.get(key, now);
    if (known !== undefined) return known;
    if (this.#failed.get(key, now)) return null;
    let locale: string | null;
    try {
      locale = (await workspaceRights(this.#api, userId)).locale;
    } catch (error) {
      this.#failed.set(key, true, now);
      if (this.#warned.get(key, now) === undefined) {
        this.#warned.set(key, true, now);
        this.#log.warn(
          { team: teamId, user: userId, reason: reasonOf(error) },
          "could not read a Slack user's language (users.info): writing to them in their chosen language or English",
        );
      }
      return null;
    }
    this.#known.set(key, locale, now);
    return locale;
  }
}

/** Slack's error code (`missing_scope`, `user_not_found`) or the error's message: what to log, without the request. */
function reasonOf(error: unknown): string {
  const code = (error as { data?: { error?: unknown } } | null)?.data?.error;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}
