import { htmlToMarkdown } from './html.ts';
import { IMPORT_LIMITS } from './limits.ts';

/**
 * Anki card templates rendered to HTML for one card: `{{Field}}`, `{{FrontSide}}`, sections `{{#F}}…{{/F}}` and
 * `{{^F}}…{{/F}}`, and the filters `text:`, `type:`, `hint:`, `cloze:`, `cloze-only:`, `furigana:`, `kana:`,
 * `kanji:`, `tts`. An unknown filter shows the field as it is and is reported once.
 */

export interface RenderContext {
  fields: ReadonlyMap<string, string>;
  /** The cloze number this card asks, for `{{cloze:…}}`. */
  cloze: number | null;
  side: 'question' | 'answer';
  /** What `{{FrontSide}}` stands for on the answer side. */
  frontSide: string;
  tags: string;
  deck: string;
  card: string;
}

export interface Rendered {
  html: string;
  /** True when at least one non-empty field was put in: Anki makes no card whose question has none. */
  filled: boolean;
  /** Fields named by `{{type:…}}` (the answer a person types). */
  typed: string[];
  problems: string[];
}

type Node =
  | { type: 'text'; text: string }
  | { type: 'tag'; name: string }
  | { type: 'section'; name: string; inverted: boolean; children: Node[] };

/** A tag ends at the first `}}`; an unclosed `{{` is text (no scan past the next `{{`, so none is quadratic). */
const TAG = /\{\{((?:(?!\{\{|\}\})[\s\S])*)\}\}/g;

function parse(template: string, problems: string[]): Node[] {
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let last = 0;
  const top = () => (stack[stack.length - 1] ?? { children: root }).children;
  for (const match of template.matchAll(TAG)) {
    if (match.index > last) top().push({ type: 'text', text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const inner = (match[1] ?? '').trim();
    const sigil = inner[0];
    if (sigil === '#' || sigil === '^') {
      if (stack.length > IMPORT_LIMITS.depth) {
        problems.push(`template sections are nested more than ${IMPORT_LIMITS.depth} deep`);
        return root;
      }
      const section: Node = {
        type: 'section',
        name: inner.slice(1).trim(),
        inverted: sigil === '^',
        children: [],
      };
      top().push(section);
      stack.push({ name: section.name, children: section.children });
    } else if (sigil === '/') {
      const name = inner.slice(1).trim();
      const open = stack.findLastIndex((frame, i) => i > 0 && frame.name === name);
      if (open > 0) stack.length = open;
      else problems.push(`template closes "{{/${name}}}" that was never opened`);
    } else if (sigil !== '!' && inner !== '') {
      top().push({ type: 'tag', name: inner });
    }
  }
  if (last < template.length) top().push({ type: 'text', text: template.slice(last) });
  return root;
}

/** `{{c1::answer::hint}}`; an unclosed one stops at the next `{{` (a nested cloze is read as its inner one). */
const CLOZE = /\{\{c(\d+)::((?:(?!\}\}|::|\{\{)[\s\S])*)(?:::((?:(?!\}\}|\{\{)[\s\S])*))?\}\}/g;

/** The cloze numbers a text holds (`{{c1::…}}`, `{{c2::…}}`…). */
export function clozeNumbers(text: string): number[] {
  const numbers = new Set<number>();
  for (const match of text.matchAll(CLOZE)) numbers.add(Number(match[1]));
  return [...numbers].filter((n) => n > 0).sort((a, b) => a - b);
}

function renderCloze(text: string, asked: number | null, side: 'question' | 'answer', only: boolean): string {
  if (only) {
    const answers = [...text.matchAll(CLOZE)].filter((m) => Number(m[1]) === asked).map((m) => m[2] ?? '');
    return answers.join(', ');
  }
  return text.replace(CLOZE, (_whole, n: string, answer: string, hint?: string) => {
    if (Number(n) !== asked || side === 'answer') return answer;
    return hint?.trim() ? `[${hint.trim()}]` : '[…]';
  });
}

/** Ruby text as Anki writes it: `漢字[かんじ]`, a space before the base where it starts mid-text. */
const RUBY = / ?([^ >[\]]{1,40})\[([^[\]]{1,40})\]/g;

function applyFilter(filter: string, value: string, context: RenderContext): string | null {
  const name = filter.split(/\s/)[0] ?? '';
  switch (name) {
    case 'text':
      return htmlToMarkdown(value, { plain: true });
    case 'hint':
      return value.trim() === '' ? '' : `<div>Hint: ${value}</div>`;
    case 'cloze':
      return renderCloze(value, context.cloze, context.side, false);
    case 'cloze-only':
      return renderCloze(value, context.cloze, context.side, true);
    case 'furigana':
      return value.replace(RUBY, (_w, base: string, reading: string) => `${base}(${reading})`);
    case 'kanji':
      return value.replace(RUBY, (_w, base: string) => base);
    case 'kana':
      return value.replace(RUBY, (_w, _base: string, reading: string) => reading);
    case 'tts':
      // Text to speech plays the field; the text itself is shown where the template puts the field.
      return '';
    default:
      return null;
  }
}

export function renderTemplate(template: string, context: RenderContext): Rendered {
  const problems: string[] = [];
  const typed: string[] = [];
  let filled = false;
  const special = (name: string): string | undefined => {
    switch (name) {
      case 'FrontSide':
        return context.frontSide;
      case 'Tags':
        return context.tags;
      case 'Deck':
        return context.deck;
      case 'Subdeck':
        return context.deck.split('::').pop() ?? context.deck;
      case 'Card':
        return context.card;
      case 'CardFlag':
      case 'Type':
        return '';
      default:
        return undefined;
    }
  };
  const field = (name: string): string | undefined => context.fields.get(name) ?? special(name);
  // As Anki: markup and spaces alone leave a field empty; a picture does not.
  const nonEmpty = (name: string): boolean =>
    (field(name) ?? '').replace(/<(?!img\b)[^>]*>|&nbsp;|\s/gi, '') !== '';

  const render = (nodes: Node[]): string => {
    let html = '';
    for (const node of nodes) {
      if (node.type === 'text') {
        html += node.text;
      } else if (node.type === 'section') {
        if (nonEmpty(node.name) !== node.inverted) html += render(node.children);
      } else {
        html += renderTag(node.name);
      }
    }
    return html;
  };

  const renderTag = (tag: string): string => {
    const parts = tag.split(':');
    const name = (parts.pop() ?? '').trim();
    const filters = parts.map((part) => part.trim()).reverse();
    if (filters[filters.length - 1] === 'type') {
      typed.push(name);
      return '';
    }
    let value = field(name);
    if (value === undefined) {
      problems.push(`the template refers to a field "${name}" the note type does not have`);
      return '';
    }
    if (context.fields.has(name) && nonEmpty(name)) filled = true;
    for (const filter of filters) {
      const result = applyFilter(filter, value, context);
      if (result === null)
        problems.push(`the template filter "${filter}" is not known: the field is shown as it is`);
      else value = result;
    }
    return value;
  };

  return { html: render(parse(template, problems)), filled, typed, problems };
}
