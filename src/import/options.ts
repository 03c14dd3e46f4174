import { MnemoError } from '../core/errors.ts';
import type { ColumnMap } from './csv.ts';

/** What a reader needs besides the bytes. */
export interface ReadOptions {
  /** Where the file is, as a person names it: every problem starts with it. */
  path: string;
  /** The deck id for formats that carry none (CSV); `--deck`. */
  deckId: string;
  title: string;
  /** BCP 47 language the answers are graded in (`--lang`, default `en`). */
  lang: string;
  /** `--deck` as given: formats that name their decks (Anki, CrowdAnki) use it only when a person asked. */
  chosenDeckId?: string;
  map?: ColumnMap;
  maxNotes: number;
}

/** A file that cannot be imported at all: every problem as `item: message`, nothing stored. */
export class ImportProblem extends MnemoError {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super('DECK_INVALID', problems.join('\n'));
    this.problems = problems;
  }
}
