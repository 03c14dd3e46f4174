import type { Clock } from '../clock.ts';
import { personIdOf } from './person-id.ts';
import type { Erased, PersonalData, PersonRef, PrivacyStore } from './ports.ts';

/** The export's shape and version: a reader can tell what it holds. */
export const EXPORT_FORMAT = 'mnemo-personal-data/1';

export interface PersonalExport extends PersonalData {
  format: typeof EXPORT_FORMAT;
  person: string;
  exportedAt: Date;
}

/** A person's own data: take it with them, erase it, keep their name off leaderboards. */
export class Privacy {
  readonly #store: PrivacyStore;
  readonly #clock: Clock;

  constructor(options: { store: PrivacyStore; clock: Clock }) {
    this.#store = options.store;
    this.#clock = options.clock;
  }

  async export(person: PersonRef): Promise<PersonalExport> {
    const exportedAt = this.#clock.now();
    const data = await this.#store.personalData(person);
    return { format: EXPORT_FORMAT, person: personIdOf(person), exportedAt, ...data };
  }

  /** Erases everything about the person on that platform at once; the counts say what went. */
  async erase(person: PersonRef): Promise<{ erased: Erased; total: number }> {
    const erased = await this.#store.erase(person);
    return { erased, total: totalOf(erased) };
  }

  setLeaderboardHidden(person: PersonRef, hidden: boolean): Promise<void> {
    return this.#store.setLeaderboardHidden(person, hidden);
  }
}

/** Rows removed; a daily that only lost its creator's name counts as one too. */
function totalOf(erased: Erased): number {
  return Object.values(erased).reduce((sum, count) => sum + count, 0);
}
