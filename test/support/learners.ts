import { createEmptyCard, type Card as FsrsCard, fsrs, generatorParameters } from 'ts-fsrs';
import type { LoggedReview } from '../../src/core/memory-model/history.ts';
import type { Rating } from '../../src/core/rating.ts';
import { drawWeights, MemoryModel } from '../../src/simulator/memory.ts';
import { SeededRandom } from '../../src/simulator/random.ts';

const DAY = 86_400_000;

/**
 * A simulated person's review log made without a database: the simulator's true memory (FSRS-6 weights drawn
 * around the defaults), scheduled by FSRS with default weights, 20 new cards a day, learning steps waited for.
 * Fast enough to fit many people in a test; `mnemo simulate` does the same through the real Quiz.
 */
export function simulatedLog(options: { cards: number; days: number; retention: number; seed: number }): {
  log: LoggedReview[];
  weights: number[];
} {
  const random = new SeededRandom(options.seed);
  const weights = drawWeights(random);
  const truth = new MemoryModel(weights);
  const scheduler = fsrs(generatorParameters({ enable_fuzz: false, request_retention: options.retention }));
  const states = new Map<string, FsrsCard>();
  const log: LoggedReview[] = [];
  const start = Date.UTC(2026, 0, 5);
  let introduced = 0;
  for (let day = 0; day < options.days; day++) {
    let now = start + day * DAY + 9 * 3_600_000;
    let newToday = 0;
    for (;;) {
      let pick: string | null = null;
      let pickDue = Number.POSITIVE_INFINITY;
      let nextDue = Number.POSITIVE_INFINITY;
      for (const [id, state] of states) {
        const due = state.due.getTime();
        nextDue = Math.min(nextDue, due);
        if (due <= now && due < pickDue) [pick, pickDue] = [id, due];
      }
      if (!pick && newToday < 20 && introduced < options.cards) {
        pick = `card-${introduced++}`;
        newToday++;
      }
      if (!pick) {
        if (nextDue - now > 30 * 60_000) break;
        now = nextDue;
        continue;
      }
      const at = new Date(now);
      const correct = random.next() < (truth.recall(pick, at) ?? 0.5);
      const rating: Rating = correct ? (random.next() < 0.3 ? 4 : 3) : 1;
      const state = states.get(pick) ?? createEmptyCard<FsrsCard>(at);
      log.push({ id: log.length + 1, cardId: pick, reviewedAt: at, rating, stateBefore: state.state });
      states.set(pick, scheduler.next(state, at, rating).card);
      truth.review(pick, at, rating);
      now += 10_000;
    }
  }
  return { log, weights };
}
