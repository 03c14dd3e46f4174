import type { Action } from './action.ts';

/**
 * What a platform must know of an action before its flow runs, to acknowledge it in time: where its reply
 * goes, and whether a second delivery of the same event must be kept from running it again.
 */
export interface ActionHandling {
  /** `form`: answered at once with a form (it cannot wait); `replace`: in place of the message acted on; `aside`: a new message. */
  reply: 'form' | 'replace' | 'aside';
  /** Changes state that no prompt guards, so it is claimed once per platform event (src/chat/once-per-event.ts). */
  once: boolean;
}

const FORM = { reply: 'form', once: false } as const;
/** An answer counts once by its prompt and tells a redelivery apart itself; "Next card" shows one card per prompt. */
const ANSWER = { reply: 'replace', once: false } as const;
/** A replacing result that cannot be pressed twice (erase, an import's confirmation). */
const REPLACING = { reply: 'replace', once: true } as const;
const ASIDE = { reply: 'aside', once: true } as const;

/** The actions a button carries, and how each is handled; any other is no button of Mnemo's. */
export const BUTTON_HANDLING: Partial<Record<Action['kind'], ActionHandling>> = {
  openAnswer: FORM,
  dailyOpenAnswer: FORM,
  dontKnow: ANSWER,
  choose: ANSWER,
  rate: ANSWER,
  reveal: REPLACING,
  next: ANSWER, // as /quiz: one card per interaction, by its prompt (Quiz.nextForRequest)
  dailyRate: REPLACING,
  erase: REPLACING,
  confirmImport: REPLACING,
  cancelImport: REPLACING,
  dispute: ASIDE,
  showMore: ASIDE,
  startReview: ASIDE,
  dailyChoose: ASIDE,
  dailyReveal: ASIDE,
  practice: ASIDE,
  suspend: ASIDE,
  bury: ASIDE,
  keepStudying: ASIDE,
  showNote: ASIDE,
  unsuspend: ASIDE,
};
