import type { Clock } from '../clock.ts';
import { nextOccurrence } from '../delivery/local-time.ts';
import { Kept } from '../kept.ts';
import type { Locale } from '../language.ts';
import type { Person, Place } from '../people.ts';
import type { QuizStore } from '../quiz/ports.ts';
import { isTimeZone } from '../scheduling/day.ts';
import type {
  ChannelDaily,
  CommunityStore,
  DeckSummary,
  LeaderboardPeriod,
  LeaderboardRow,
  NextRun,
  Reminder,
} from './ports.ts';

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const PERIOD_DAYS = { week: 7, month: 30, all: null } as const satisfies Record<
  LeaderboardPeriod,
  number | null
>;
const LEADERBOARD_SIZE = 10;

/** Who asks for a change of a community's settings, with the platform's word on their rights. */
export interface Actor extends Person {
  /** Checked by the adapter from the platform (Discord Manage Server, Slack admin/owner) for this request. */
  isAdmin: boolean;
}

export type DailyRefusal =
  | { ok: false; code: 'NOT_ALLOWED' }
  | { ok: false; code: 'BAD_TIME'; value: string }
  | { ok: false; code: 'BAD_TIME_ZONE'; value: string }
  | { ok: false; code: 'UNKNOWN_DECK'; value: string };

export type DailyOutcome = { ok: true; daily: ChannelDaily } | DailyRefusal;

/** The use cases of a community as a whole: its decks, leaderboard, daily questions and reminders. */
export class Community {
  readonly #store: CommunityStore;
  readonly #quizStore: QuizStore;
  readonly #clock: Clock;
  /** Each community's app language tag as last stored by this process. */
  readonly #locales = new Kept<string>(COMMUNITY_LOCALES.tenants, COMMUNITY_LOCALES.keepMs);

  constructor(options: { store: CommunityStore; quizStore: QuizStore; clock: Clock }) {
    this.#store = options.store;
    this.#quizStore = options.quizStore;
    this.#clock = options.clock;
  }

  /** The decks a community sees (`place` null, outside any: everyone's decks only). */
  decks(place: Place | null): Promise<DeckSummary[]> {
    return this.#store.listDecks(place?.tenantId ?? null);
  }

  async deck(place: Place | null, id: string): Promise<DeckSummary | null> {
    return (await this.decks(place)).find((deck) => deck.id === id) ?? null;
  }

  async leaderboard(place: Place, period: LeaderboardPeriod): Promise<LeaderboardRow[]> {
    const now = this.#clock.now();
    const days = PERIOD_DAYS[period];
    const since = days === null ? null : new Date(now.getTime() - days * 86_400_000);
    return this.#store.leaderboard(place.tenantId, since, now, LEADERBOARD_SIZE);
  }

  /**
   * Keeps the community's app language tag (Discord's guild_locale, on any interaction from the server), in
   * which its questions of the day are written: a statement only when the tag is new to this process.
   */
  async noteLocale(place: Place, tag: string | null | undefined): Promise<void> {
    const bounded = tag?.slice(0, LOCALE_TAG_LIMIT);
    if (!bounded || this.#locales.get(place.tenantId, this.#clock.now().getTime()) === bounded) return;
    await this.#keepLocale(place, bounded);
  }

  async #keepLocale(place: Place, tag: string): Promise<void> {
    const bounded = tag.slice(0, LOCALE_TAG_LIMIT);
    // A community not stored yet is not remembered as noted: its next interaction, once stored, writes it.
    if (await this.#store.noteCommunityLocale(place.tenantId, bounded)) {
      this.#locales.set(place.tenantId, bounded, this.#clock.now().getTime());
    }
  }

  /** Starts (or changes) a channel's question of the day. Admins only. */
  async setDaily(place: Place, actor: Actor, request: DailyRequest): Promise<DailyOutcome> {
    if (!actor.isAdmin) return { ok: false, code: 'NOT_ALLOWED' };
    const invalid = await this.#checkSchedule(place, request.localTime, request.timeZone, request.deckId);
    if (invalid) return invalid;
    await this.#quizStore.ensurePlace(place);
    // Kept even when this process noted it already: another replica may have stored another admin's.
    if (request.communityLocale) await this.#keepLocale(place, request.communityLocale);
    const daily = await this.#store.upsertChannelDaily(
      {
        tenantId: place.tenantId,
        channelId: request.channelId,
        localTime: request.localTime,
        timeZone: request.timeZone,
        deckId: request.deckId,
        createdBy: `${actor.platform}:${actor.externalId}`,
        language: request.language ?? null,
      },
      this.#nextRun(request.localTime, request.timeZone),
    );
    return { ok: true, daily };
  }

  async stopDaily(
    place: Place,
    actor: Actor,
    channelId: string,
  ): Promise<{ ok: true; stopped: boolean } | { ok: false; code: 'NOT_ALLOWED' }> {
    if (!actor.isAdmin) return { ok: false, code: 'NOT_ALLOWED' };
    return { ok: true, stopped: await this.#store.stopChannelDaily(place.tenantId, channelId) };
  }

  /** The channel dailies of this community only. */
  listDailies(place: Place): Promise<ChannelDaily[]> {
    return this.#store.listChannelDailies(place.tenantId);
  }

  /** A person's DM reminder in this community: on at a local time, or off. */
  async setReminder(
    place: Place,
    person: Person,
    reminder: { enabled: boolean; localTime?: string; timeZone?: string },
  ): Promise<{ ok: true; reminder: Reminder } | DailyRefusal> {
    const learner = await this.#quizStore.ensureLearner(person);
    const current = await this.#store.getReminder(place.tenantId, learner.userId);
    const next: Reminder = {
      enabled: reminder.enabled,
      localTime: reminder.localTime ?? current?.localTime ?? '09:00',
      timeZone: reminder.timeZone ?? current?.timeZone ?? learner.timeZone,
    };
    const invalid = await this.#checkSchedule(place, next.localTime, next.timeZone, null);
    if (invalid) return invalid;
    await this.#quizStore.ensurePlace(place);
    await this.#store.setReminder(
      place.tenantId,
      learner.userId,
      next,
      this.#nextRun(next.localTime, next.timeZone),
    );
    return { ok: true, reminder: next };
  }

  async reminder(place: Place, person: Person): Promise<Reminder | null> {
    const learner = await this.#quizStore.ensureLearner(person);
    return this.#store.getReminder(place.tenantId, learner.userId);
  }

  /** From now on: a time set for later today is due today; one already past, tomorrow. */
  #nextRun(localTime: string, timeZone: string): NextRun {
    const next = nextOccurrence(this.#clock.now(), localTime, timeZone);
    return { nextDueAt: next.at, nextLocalDate: next.localDate };
  }

  async #checkSchedule(
    place: Place,
    localTime: string,
    timeZone: string,
    deckId: string | null,
  ): Promise<DailyRefusal | null> {
    if (!LOCAL_TIME.test(localTime)) return { ok: false, code: 'BAD_TIME', value: localTime };
    if (!isTimeZone(timeZone)) return { ok: false, code: 'BAD_TIME_ZONE', value: timeZone };
    if (deckId !== null && !(await this.deck(place, deckId)))
      return { ok: false, code: 'UNKNOWN_DECK', value: deckId };
    return null;
  }
}

/** A channel's question of the day as an admin asks for it. */
export interface DailyRequest {
  channelId: string;
  localTime: string;
  timeZone: string;
  deckId: string | null;
  /** The language to write its questions in; absent: the community's (`communityLocale`), else English. */
  language?: Locale | null;
  /** The community's app language as the platform tags it (Discord guild_locale, Slack the admin's), if told. */
  communityLocale?: string | null;
}

export const COMMUNITY_LOCALES = {
  tenants: 10_000, // communities whose tag is remembered
  keepMs: 60 * 60_000, // ms: another replica's change is caught by the statement after this
} as const;

/** Platforms tag languages in a few characters (`es-419`); more is not a language tag. */
const LOCALE_TAG_LIMIT = 16; // characters
