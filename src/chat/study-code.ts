import type { Action } from './action.ts';

/** The study controls' buttons: practice, suspend, bury, a leech's "Keep studying" and "Show note", unsuspend. */
export type StudyAction = Extract<
  Action,
  { kind: 'practice' | 'suspend' | 'bury' | 'keepStudying' | 'showNote' | 'unsuspend' }
>;

/**
 * One short code per study control, written once here and wrapped by each adapter's id format (Discord's
 * `mn:st:<op>:<ref>:<scope>`, Slack's `mn:study` value), so both read the same three parts.
 */
const OPS = {
  practice: 'prac',
  suspend: 'sus',
  bury: 'bury',
  keepStudying: 'keep',
  showNote: 'note',
  unsuspend: 'unsus',
} as const satisfies Record<StudyAction['kind'], string>;

/** A study button as parts: its code, what it names (a prompt, a card, a tag, or nothing) and its deck. */
export interface StudyCode {
  op: string;
  ref: string;
  deckId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const CARD_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const TAG = /^[^\s:@]{1,50}$/u;

export function isStudyAction(action: Action): action is StudyAction {
  return Object.hasOwn(OPS, action.kind);
}

export function studyCodeOf(action: StudyAction): StudyCode {
  const op = OPS[action.kind];
  switch (action.kind) {
    case 'practice':
      return { op, ref: action.tag ?? '', deckId: action.deckId };
    case 'suspend':
    case 'bury':
    case 'keepStudying':
      return { op, ref: action.promptId, deckId: action.deckId };
    case 'showNote':
      return { op, ref: action.promptId, deckId: null };
    case 'unsuspend':
      return { op, ref: action.cardId, deckId: null };
  }
}

/** The action behind a code, or null for one this version did not make. */
export function studyActionOf({ op, ref, deckId }: StudyCode): StudyAction | null {
  switch (op) {
    case OPS.practice:
      return ref === '' || TAG.test(ref) ? { kind: 'practice', deckId, tag: ref === '' ? null : ref } : null;
    case OPS.suspend:
    case OPS.bury:
    case OPS.keepStudying: {
      if (!UUID.test(ref)) return null;
      const kind = ({ sus: 'suspend', bury: 'bury', keep: 'keepStudying' } as const)[op];
      return { kind, promptId: ref, deckId };
    }
    case OPS.showNote:
      return UUID.test(ref) ? { kind: 'showNote', promptId: ref } : null;
    case OPS.unsuspend:
      return CARD_ID.test(ref) ? { kind: 'unsuspend', cardId: ref } : null;
    default:
      return null;
  }
}
