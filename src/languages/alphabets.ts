import { FINAL_LETTERS } from '../core/grading/marks.ts';

/**
 * Marked letters a learner may type without their mark, per language: a folded word is looked up again with
 * some of them put back ("infraccion" is "infracción", "lyzka" is "łyżka", "kopuk" is "köpük").
 */
export const MARKED_LETTERS: Readonly<Record<string, string>> = {
  es: 'áéíóúñü',
  fr: 'éèêàâùûîïôçë',
  de: 'äöüß',
  it: 'àèéìòù',
  pt: 'áâãàéêíóôõúç',
  ru: 'ё',
  nl: 'éëïöüè',
  sv: 'åäöé',
  da: 'æøåé',
  pl: 'ąćęłńóśźż',
  tr: 'çğıöşüâî',
  el: 'άέήίόύώϊϋΐΰ',
};

/**
 * How many of those letters one word may need put back. The first dictionaries' own lists of entries reach
 * words with more; Polish, Turkish or Swedish words often carry two or three ("łyżka", "öğretmen", "smörgås").
 */
export const MARKS_PER_WORD: Readonly<Record<string, number>> = {
  ru: 2,
  nl: 2,
  sv: 3,
  da: 3,
  pl: 4,
  tr: 4,
  el: 1,
};

const FINAL_FORMS = new Map(Object.entries(FINAL_LETTERS).map(([final, plain]) => [plain, final]));

/** The word with its last letter in its final shape, as the dictionary spells it ("ηλιοσ" is "ηλιος"). */
export function withFinalForm(word: string): string {
  const last = word.slice(-1);
  const final = FINAL_FORMS.get(last);
  return final && last === 'σ' ? word.slice(0, -1) + final : word;
}
