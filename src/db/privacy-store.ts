import { and, asc, eq, inArray } from 'drizzle-orm';
import { personIdOf } from '../core/privacy/person-id.ts';
import type { Erased, PersonalData, PersonRef, PrivacyStore } from '../core/privacy/ports.ts';
import type { Database } from './client.ts';
import {
  cardHolds,
  cardStates,
  cards,
  deliveries,
  fsrsParameters,
  practiceReviews,
  prompts,
  reviews,
  subscriptions,
  users,
} from './schema.ts';

const NOTHING: PersonalData = {
  settings: null,
  cardStates: [],
  reviews: [],
  prompts: [],
  reminders: [],
  dailiesSetUp: [],
  fits: [],
  holds: [],
  practice: [],
};

/** PrivacyStore on PostgreSQL and PGlite: one person's rows, read or erased, on one platform. */
export class PgPrivacyStore implements PrivacyStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async personalData(person: PersonRef): Promise<PersonalData> {
    const db = this.#db;
    const dailiesSetUp = await db
      .select({
        tenantId: subscriptions.tenantId,
        channelId: subscriptions.channelId,
        localTime: subscriptions.localTime,
        timeZone: subscriptions.timeZone,
        deckId: subscriptions.deckId,
        active: subscriptions.active,
      })
      .from(subscriptions)
      .where(and(eq(subscriptions.kind, 'channel'), eq(subscriptions.createdBy, personIdOf(person))))
      .orderBy(asc(subscriptions.id));
    const [user] = await db.select().from(users).where(isPerson(person));
    if (!user) return { ...NOTHING, dailiesSetUp };
    const userId = user.id;
    const [states, reviewRows, promptRows, reminders, holds, practice] = await Promise.all([
      db
        .select({
          cardId: cardStates.cardId,
          deckId: cards.deckId,
          question: cards.question,
          due: cardStates.due,
          stability: cardStates.stability,
          difficulty: cardStates.difficulty,
          reps: cardStates.reps,
          lapses: cardStates.lapses,
          state: cardStates.state,
          lastReview: cardStates.lastReview,
        })
        .from(cardStates)
        .innerJoin(cards, eq(cards.id, cardStates.cardId))
        .where(eq(cardStates.userId, userId))
        .orderBy(asc(cardStates.cardId)),
      db
        .select({
          id: reviews.id,
          tenantId: reviews.tenantId,
          cardId: reviews.cardId,
          question: cards.question,
          answer: reviews.answer,
          verdict: reviews.verdict,
          rating: reviews.rating,
          responseMs: reviews.responseMs,
          reviewedAt: reviews.reviewedAt,
          dueAfter: reviews.dueAfter,
          supersededBy: reviews.supersededBy,
          disputeOf: reviews.disputeOf,
        })
        .from(reviews)
        .innerJoin(cards, eq(cards.id, reviews.cardId))
        .where(eq(reviews.userId, userId))
        .orderBy(asc(reviews.id)),
      db
        .select({
          id: prompts.id,
          tenantId: prompts.tenantId,
          cardId: prompts.cardId,
          deliveryId: prompts.deliveryId,
          shownAt: prompts.shownAt,
          revealedAt: prompts.revealedAt,
          answeredAt: prompts.answeredAt,
          reviewId: prompts.reviewId,
        })
        .from(prompts)
        .where(eq(prompts.userId, userId))
        .orderBy(asc(prompts.shownAt), asc(prompts.id)),
      db
        .select({
          tenantId: subscriptions.tenantId,
          localTime: subscriptions.localTime,
          timeZone: subscriptions.timeZone,
          active: subscriptions.active,
          nextDueAt: subscriptions.nextDueAt,
        })
        .from(subscriptions)
        .where(and(eq(subscriptions.kind, 'reminder'), eq(subscriptions.userId, userId)))
        .orderBy(asc(subscriptions.tenantId)),
      db
        .select({
          cardId: cardHolds.cardId,
          suspendedAt: cardHolds.suspendedAt,
          suspendedAs: cardHolds.suspendedAs,
          buriedUntil: cardHolds.buriedUntil,
          leeches: cardHolds.leeches,
        })
        .from(cardHolds)
        .where(eq(cardHolds.userId, userId))
        .orderBy(asc(cardHolds.cardId)),
      db
        .select({
          tenantId: practiceReviews.tenantId,
          cardId: practiceReviews.cardId,
          answer: practiceReviews.answer,
          verdict: practiceReviews.verdict,
          rating: practiceReviews.rating,
          responseMs: practiceReviews.responseMs,
          reviewedAt: practiceReviews.reviewedAt,
        })
        .from(practiceReviews)
        .where(eq(practiceReviews.userId, userId))
        .orderBy(asc(practiceReviews.id)),
    ]);
    return {
      settings: {
        displayName: user.displayName,
        desiredRetention: user.desiredRetention,
        newPerDay: user.newPerDay,
        maxReviewsPerDay: user.maxReviewsPerDay,
        timeZone: user.timeZone,
        leaderboardHidden: user.leaderboardHidden,
        language: user.language,
        seenLocale: user.seenLocale,
        fsrsWeights: user.fsrsWeights,
        createdAt: user.createdAt,
      },
      cardStates: states,
      reviews: reviewRows,
      prompts: promptRows,
      reminders,
      dailiesSetUp,
      holds,
      practice,
      fits: await db
        .select({
          fittedAt: fsrsParameters.fittedAt,
          reviews: fsrsParameters.reviews,
          loglossBefore: fsrsParameters.loglossBefore,
          loglossAfter: fsrsParameters.loglossAfter,
          rmseBefore: fsrsParameters.rmseBefore,
          rmseAfter: fsrsParameters.rmseAfter,
          adopted: fsrsParameters.adopted,
          weightsAdopted: fsrsParameters.weightsAdopted,
        })
        .from(fsrsParameters)
        .where(eq(fsrsParameters.userId, userId))
        .orderBy(asc(fsrsParameters.fittedAt)),
    };
  }

  erase(person: PersonRef): Promise<Erased> {
    return this.#db.transaction(async (tx) => {
      // The person's row is locked first: an answer arriving meanwhile waits, then finds no person to file
      // its review under, instead of leaving a review behind the erasure.
      const [user] = await tx.select({ id: users.id }).from(users).where(isPerson(person)).for('update');
      const unattributed = await tx
        .update(subscriptions)
        .set({ createdBy: null })
        .where(and(eq(subscriptions.kind, 'channel'), eq(subscriptions.createdBy, personIdOf(person))))
        .returning({ id: subscriptions.id });
      if (!user) return { ...noneErased(), dailiesUnattributed: unattributed.length };
      const userId = user.id;
      const reminderIds = tx
        .select({ id: subscriptions.id })
        .from(subscriptions)
        .where(and(eq(subscriptions.kind, 'reminder'), eq(subscriptions.userId, userId)));
      const erasedPrompts = await tx
        .delete(prompts)
        .where(eq(prompts.userId, userId))
        .returning({ id: prompts.id });
      const erasedReviews = await tx
        .delete(reviews)
        .where(eq(reviews.userId, userId))
        .returning({ id: reviews.id });
      // Practice answers and holds (suspended, buried, leech counts) go with the reviews and card states.
      const erasedPractice = await tx
        .delete(practiceReviews)
        .where(eq(practiceReviews.userId, userId))
        .returning({ id: practiceReviews.id });
      await tx.delete(cardHolds).where(eq(cardHolds.userId, userId));
      const erasedStates = await tx
        .delete(cardStates)
        .where(eq(cardStates.userId, userId))
        .returning({ id: cardStates.cardId });
      const erasedDeliveries = await tx
        .delete(deliveries)
        .where(inArray(deliveries.subscriptionId, reminderIds))
        .returning({ id: deliveries.id });
      const erasedReminders = await tx
        .delete(subscriptions)
        .where(eq(subscriptions.userId, userId))
        .returning({ id: subscriptions.id });
      const erasedFits = await tx
        .delete(fsrsParameters)
        .where(eq(fsrsParameters.userId, userId))
        .returning({ id: fsrsParameters.id });
      const erasedPeople = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
      return {
        people: erasedPeople.length,
        cardStates: erasedStates.length,
        reviews: erasedReviews.length + erasedPractice.length,
        prompts: erasedPrompts.length,
        reminders: erasedReminders.length,
        deliveries: erasedDeliveries.length,
        fits: erasedFits.length,
        dailiesUnattributed: unattributed.length,
      };
    });
  }

  async setLeaderboardHidden(person: PersonRef, hidden: boolean): Promise<void> {
    await this.#db
      .insert(users)
      .values({ platform: person.platform, externalId: person.externalId, leaderboardHidden: hidden })
      .onConflictDoUpdate({ target: [users.platform, users.externalId], set: { leaderboardHidden: hidden } });
  }
}

function isPerson(person: PersonRef) {
  return and(eq(users.platform, person.platform), eq(users.externalId, person.externalId));
}

function noneErased(): Erased {
  return {
    people: 0,
    cardStates: 0,
    reviews: 0,
    prompts: 0,
    reminders: 0,
    deliveries: 0,
    fits: 0,
    dailiesUnattributed: 0,
  };
}
