import { createHash } from 'node:crypto';
import type { CardKind } from '../core/deck/card.ts';
import { expandCloze } from '../core/deck/cloze.ts';
import type { SkippedItem } from '../core/deck/imported.ts';
import { htmlToMarkdown } from './html.ts';
import { IMPORT_LIMITS } from './limits.ts';
import type { NoteModel, SourceNote } from './note-model.ts';
import { clozeNumbers, type RenderContext, renderTemplate } from './template.ts';

/**
 * A short answer on one line is typed (and graded); a longer one, or one holding a picture or sound, is
 * self-graded: nobody types a paragraph, and Mnemo grades typed answers word by word.
 */
export const TYPED_ANSWER_MAX = 40; // characters
/** Limits of the Markdown deck format (src/core/deck/parse.ts). */
const MAX_QUESTION_LENGTH = 4_000;
const MAX_FIELD_LENGTH = 10_000;
/** Tags Anki sets for its own scheduling, which an import ignores. */
const SCHEDULING_TAGS = new Set(['leech', 'marked']);
const ANSWER_RULE = /<hr[^<>]*id\s*=\s*["']?answer["']?[^<>]*>/i;
const MEDIA_REFERENCE = /!\[[^[\]]*\]\(([^()\s]+)\)|\[sound:([^[\]]+)\]/g;

export interface DraftCard {
  /** Stable across re-imports: from the note GUID and the template ordinal or cloze number. */
  id: string;
  deckName: string;
  kind: CardKind;
  question: string;
  answer: string;
  note: string | null;
  tags: string[];
  cloze: boolean;
  /** Set when the note gave several cards (clozes, a card and its reverse): siblings are not shown on one day. */
  noteId?: string;
}

export interface NoteCards {
  cards: DraftCard[];
  skipped: SkippedItem[];
  /** Characters the templates rendered to, counted against the import's limit. */
  rendered: number;
}

/** The card id: a hash of the GUID (Anki GUIDs mix cases and punctuation) and the card's ordinal. */
export function cardId(guid: string, suffix: string): string {
  const hash = createHash('sha256').update(guid).digest('hex').slice(0, 16);
  return `anki-${hash}-${suffix}`;
}

/** Anki tags (`Geo::Europe`, `Ünits`) as Mnemo tags: lowercase letters, digits, dashes and underscores. */
export function toTags(tags: string[]): string[] {
  const out = new Set<string>();
  for (const tag of tags) {
    const slug = slugify(tag.replace(/::/g, '-'), '_');
    if (slug !== '' && !SCHEDULING_TAGS.has(slug)) out.add(slug);
  }
  return [...out];
}

/** Lowercase ASCII letters and digits joined by dashes, accents dropped (`Español::Verbos` → `espanol-verbos`). */
export function slugify(text: string, keep = ''): string {
  const allowed = new RegExp(`[^a-z0-9${keep}]+`, 'g');
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(allowed, '-')
    .replace(/^[-_]+|-+$/g, '');
}

export function mediaReferences(text: string): string[] {
  return [...text.matchAll(MEDIA_REFERENCE)].map((match) => decodeMarkdownTarget(match[1] ?? match[2] ?? ''));
}

const decodeMarkdownTarget = (target: string): string =>
  target.replace(/%2[89]|%20/gi, (code) => decodeURIComponent(code));

/** Whether a note type is Anki's cloze kind, by its flag or by its templates. */
export const isCloze = (model: NoteModel): boolean =>
  model.cloze || model.templates.some((t) => /\{\{[^{}]*cloze:/.test(t.question));

/** The cards one note gives, by its note type's templates. */
export function noteToCards(note: SourceNote): NoteCards {
  const { model } = note;
  const skipped: SkippedItem[] = [];
  let rendered = 0;
  const longest = note.fields.reduce((most, field) => Math.max(most, field.length), 0);
  if (longest > IMPORT_LIMITS.fieldCharacters) {
    const reason = `a field holds ${longest.toLocaleString('en-US')} characters, more than ${IMPORT_LIMITS.fieldCharacters.toLocaleString('en-US')}: left out`;
    return { cards: [], skipped: [{ item: note.where, reason }], rendered };
  }
  const fields = new Map(model.fields.map((name, i) => [name, note.fields[i] ?? '']));
  const problems = new Set<string>();
  const cards: DraftCard[] = [];
  const clozeAnswers = new Map<number, string>();
  const tags = toTags(note.tags);
  const base = { tags: note.tags.join(' '), frontSide: '' };

  const make = (ord: number, suffix: string, cloze: number | null, templateIndex: number) => {
    const template = model.templates[templateIndex];
    if (!template) return;
    const deck = note.deckOf(ord);
    const context: RenderContext = { ...base, fields, cloze, side: 'question', deck, card: template.name };
    const question = renderTemplate(template.question, context);
    const answerSide = renderTemplate(template.answer, { ...context, side: 'answer' });
    rendered += question.html.length + answerSide.html.length;
    for (const problem of [...question.problems, ...answerSide.problems]) problems.add(problem);
    // Anki makes no card whose question puts in no field: that is how an optional reverse card stays away.
    if (cloze === null && !question.filled) return;
    const questionText = htmlToMarkdown(question.html);
    const answerHtml = afterAnswerRule(answerSide.html);
    const revealed = htmlToMarkdown(answerHtml);
    const typedField = question.typed[0] ?? answerSide.typed[0];
    const typedHtml = typedField !== undefined ? (fields.get(typedField) ?? '') : null;
    let kind: CardKind = 'self';
    let answer = revealed;
    const clozeAnswer = cloze === null ? null : clozeAnswers.get(cloze);
    if (
      clozeAnswer !== undefined &&
      clozeAnswer !== null &&
      typable(clozeAnswer) &&
      clozeAnswer.length <= TYPED_ANSWER_MAX
    ) {
      // The blank's own text is what a person types, graded as any typed answer; the filled sentence is the note.
      kind = 'cloze';
      answer = clozeAnswer;
    }
    // A typed answer is what a person types: plain text, without Markdown's marks.
    if (typedHtml !== null && cloze === null) {
      // Basic (type in the answer): typed whatever its length, unless it cannot be typed at all.
      const typedAnswer = htmlToMarkdown(typedHtml);
      kind = typable(typedAnswer) ? 'typed' : 'self';
      if (kind === 'typed') answer = htmlToMarkdown(typedHtml, { plain: true });
      else if (revealed === '') answer = typedAnswer;
    } else if (cloze === null && typable(revealed) && revealed.length <= TYPED_ANSWER_MAX) {
      kind = 'typed';
      answer = htmlToMarkdown(answerHtml, { plain: true });
    }
    const where = `${note.where} (card ${cloze !== null ? `cloze ${cloze}` : `"${template.name}"`})`;
    const problem = checkCard(questionText, answer);
    if (problem) {
      skipped.push({ item: where, reason: problem });
      return;
    }
    // What the answer side shows beside a typed answer is kept as the card's note, when it fits.
    const extra =
      (kind === 'typed' || kind === 'cloze') && revealed !== answer && revealed !== '' ? revealed : null;
    const note_ = extra !== null && extra.length <= MAX_FIELD_LENGTH ? extra : null;
    cards.push({
      id: cardId(note.guid, suffix),
      deckName: deck,
      kind,
      question: questionText,
      answer,
      note: note_,
      tags,
      cloze: cloze !== null,
    });
  };

  if (isCloze(model)) {
    const template = model.templates[0];
    const clozeFields = template ? clozeFieldNames(template.question) : [];
    const text = clozeFields.map((name) => fields.get(name) ?? '').join('\n');
    if (/\{\{c\d+::image-occlusion:/.test(text)) {
      skipped.push({ item: note.where, reason: 'image occlusion notes are not supported: left out' });
      return { cards, skipped, rendered };
    }
    const expanded = expandCloze(htmlToMarkdown(text, { plain: true }));
    if (expanded.ok) for (const card of expanded.cards) clozeAnswers.set(card.number, card.answer);
    const numbers = clozeNumbers(text);
    const extra = numbers.splice(IMPORT_LIMITS.clozesPerNote);
    if (extra.length > 0) {
      skipped.push({
        item: note.where,
        reason: `${numbers.length + extra.length} cloze numbers: the ${extra.length} past the first ${IMPORT_LIMITS.clozesPerNote} are left out`,
      });
    }
    if (numbers.length === 0)
      skipped.push({ item: note.where, reason: 'a cloze note without any {{c1::…}} deletion: left out' });
    for (const n of numbers) make(n - 1, `c${n}`, n, 0);
  } else {
    model.templates.forEach((template, i) => {
      make(template.ord, `t${template.ord}`, null, i);
    });
    if (cards.length === 0 && skipped.length === 0)
      skipped.push({
        item: note.where,
        reason: 'every card of this note would have an empty question: left out',
      });
  }
  for (const problem of problems)
    skipped.push({ item: `${note.where} (note type "${model.name}")`, reason: problem });
  if (cards.length > 1) {
    const noteId = cardId(note.guid, 'note');
    for (const card of cards) card.noteId = noteId;
  }
  return { cards, skipped, rendered };
}

function clozeFieldNames(template: string): string[] {
  return [...template.matchAll(/\{\{[^{}]*cloze(?:-only)?:([^{}:]+)\}\}/g)].map((match) =>
    (match[1] ?? '').trim(),
  );
}

/** The answer side without the question Anki repeats above `<hr id=answer>`. */
function afterAnswerRule(html: string): string {
  const rule = ANSWER_RULE.exec(html);
  return rule ? html.slice(rule.index + rule[0].length) : html;
}

/** One line of text, without pictures or sound. */
const typable = (answer: string): boolean =>
  answer !== '' && !answer.includes('\n') && mediaReferences(answer).length === 0;

function checkCard(question: string, answer: string): string | null {
  if (question === '') return 'the question is empty: left out';
  if (answer === '') return 'the answer is empty: left out';
  if (question.length > MAX_QUESTION_LENGTH)
    return `the question is ${question.length} characters long, more than ${MAX_QUESTION_LENGTH}: left out`;
  if (answer.length > MAX_FIELD_LENGTH)
    return `the answer is ${answer.length} characters long, more than ${MAX_FIELD_LENGTH}: left out`;
  return null;
}
