import { z } from 'zod';
import { Kept } from '../../../core/kept.ts';
import type { SlackApi } from './slack-api.ts';

export const USER_LOCALE_DEFAULTS = {
  /** People whose locale is kept; past that the oldest entry is dropped. */
  maxEntries: 10_000,
  ttlMs: 6 * 60 * 60_000, // ms: a person who changes their Slack language is followed within hours
} as const;

export type UserLocaleOptions = typeof USER_LOCALE_DEFAULTS;

const userLocale = z.object({ user: z.object({ locale: z.string().max(16).optional() }) });

/**
 * Each Slack user's language (`users.info` with `include_locale`), kept per workspace and user for a while so
 * that a click costs no extra call. A failed look-up is not kept, and reads as "not told" (English).
 */
export class SlackUserLocales {
  readonly #api: SlackApi;
  readonly #now: () => number;
  readonly #known: Kept<string | null>;

  constructor(api: SlackApi, now: () => number, options: UserLocaleOptions = USER_LOCALE_DEFAULTS) {
    this.#api = api;
    this.#now = now;
    this.#known = new Kept(options.maxEntries, options.ttlMs);
  }

  /** The user's Slack locale (`ja-JP`, `es-ES`); null when Slack does not say or cannot be asked. */
  async of(teamId: string, userId: string): Promise<string | null> {
    const key = `${teamId}:${userId}`;
    const now = this.#now();
    const known = this.#known.get(key, now);
    if (known !== undefined) return known;
    let locale: string | null;
    try {
      const answer = await this.#api.call('users.info', (client) =>
        client.users.info({ user: userId, include_locale: true }),
      );
      locale = userLocale.parse(answer).user.locale ?? null;
    } catch {
      return null;
    }
    this.#known.set(key, locale, now);
    return locale;
  }
}
