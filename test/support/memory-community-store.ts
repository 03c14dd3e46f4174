import type {
  ChannelDaily,
  CommunityStore,
  DeckSummary,
  LeaderboardRow,
  NextRun,
  Reminder,
} from '../../src/core/community/ports.ts';

/**
 * CommunityStore in memory, for pure tests of Community's decisions. It keeps the next run each write was
 * given, which is what Community decides; leaderboards are counted in SQL (see test/db).
 */
export class MemoryCommunityStore implements CommunityStore {
  readonly dailies: (ChannelDaily & { next: NextRun; active: boolean })[] = [];
  readonly reminders = new Map<string, Reminder & { next: NextRun }>();

  constructor(readonly decks: DeckSummary[] = []) {}

  /** Everyone's decks a tenant hid, as `tenant/deck`. */
  readonly hidden = new Set<string>();

  async listDecks(tenantId: string | null): Promise<DeckSummary[]> {
    return this.decks.filter((deck) => tenantId === null || !this.hidden.has(`${tenantId}/${deck.id}`));
  }

  async setDeckHidden(tenantId: string, deckId: string, hidden: boolean): Promise<boolean> {
    if (!this.decks.some((deck) => deck.id === deckId)) return false;
    if (hidden) this.hidden.add(`${tenantId}/${deckId}`);
    else this.hidden.delete(`${tenantId}/${deckId}`);
    return true;
  }

  async leaderboard(): Promise<LeaderboardRow[]> {
    throw new Error('leaderboards are counted in SQL: see test/db');
  }

  async upsertChannelDaily(daily: Omit<ChannelDaily, 'id'>, next: NextRun): Promise<ChannelDaily> {
    const existing = this.dailies.find(
      (each) => each.tenantId === daily.tenantId && each.channelId === daily.channelId,
    );
    if (existing) Object.assign(existing, daily, { next, active: true });
    const stored = existing ?? { ...daily, id: this.dailies.length + 1, next, active: true };
    if (!existing) this.dailies.push(stored);
    const { next: _next, active: _active, ...shown } = stored;
    return shown;
  }

  /** Each community's app language tag, as noteCommunityLocale keeps it, and how often it was asked to. */
  readonly locales = new Map<string, string>();
  localeCalls = 0;

  async noteCommunityLocale(tenantId: string, tag: string): Promise<boolean> {
    this.localeCalls++;
    this.locales.set(tenantId, tag);
    return true;
  }

  async stopChannelDaily(tenantId: string, channelId: string): Promise<boolean> {
    const daily = this.dailies.find((each) => each.tenantId === tenantId && each.channelId === channelId);
    if (!daily?.active) return false;
    daily.active = false;
    return true;
  }

  async listChannelDailies(tenantId: string): Promise<ChannelDaily[]> {
    return this.dailies
      .filter((daily) => daily.tenantId === tenantId && daily.active)
      .map(({ next: _next, active: _active, ...daily }) => daily);
  }

  async setReminder(tenantId: string, userId: number, reminder: Reminder, next: NextRun): Promise<void> {
    this.reminders.set(`${tenantId}/${userId}`, { ...reminder, next });
  }

  async getReminder(tenantId: string, userId: number): Promise<Reminder | null> {
    const found = this.reminders.get(`${tenantId}/${userId}`);
    if (!found) return null;
    const { next: _next, ...reminder } = found;
    return reminder;
  }
}
