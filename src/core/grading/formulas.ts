import type { GraderVerdict } from '../verdict.ts';
import { sameRoots } from './equation-roots.ts';
import { unitNamed } from './units.ts';

/**
 * Formulas and equations compared by value, as a maths teacher would: `mc² = E` is `E = mc^2`,
 * `I = V/R` is `V = IR`, `pi r^2` is `πr²`; `E = m/c^2` is not. Both texts are parsed by a small
 * expression reader and evaluated at fixed sample points (mathjs costs 3.6 s and 90 MB to import).
 */

type Node =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'call'; readonly name: string; readonly argument: Node }
  | { readonly kind: 'negate'; readonly operand: Node }
  | {
      readonly kind: 'binary';
      readonly op: '+' | '-' | '*' | '/' | '^';
      readonly left: Node;
      readonly right: Node;
    };

interface Formula {
  readonly left: Node;
  /** Absent for an expression; present for an equation `left = right`. */
  readonly right?: Node;
}

const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  sqrt: Math.sqrt,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  ln: Math.log,
};
// Longest first, so "sqrt" is not read as "s", "q", "r", "t".
const NAMES = ['sqrt', 'sin', 'cos', 'tan', 'exp', 'log', 'ln', 'pi'] as const;

// Spoken maths read as symbols: "cosine of x", "r squared", "V over R".
const SPOKEN: readonly (readonly [RegExp, string])[] = [
  [/\bsquare root of\b/g, ' sqrt '],
  [/\bcosine\b/g, ' cos '],
  [/\bsine\b/g, ' sin '],
  [/\btangent\b/g, ' tan '],
  [/\bsquared\b/g, ' ^2 '],
  [/\bcubed\b/g, ' ^3 '],
  [/\btimes\b/g, ' * '],
  [/\b(?:divided by|over)\b/g, ' / '],
  [/\bplus\b/g, ' + '],
  [/\bminus\b/g, ' - '],
  [/\bequals\b/g, ' = '],
  [/\bof\b/g, ' '],
];
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function spell(text: string): string {
  let out = text.toLowerCase();
  for (const [pattern, symbol] of SPOKEN) out = out.replace(pattern, symbol);
  return out
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (digits) => `^${[...digits].map((d) => SUPERSCRIPT.indexOf(d)).join('')}`)
    .replace(/π/g, ' pi ')
    .replace(/√/g, ' sqrt ')
    .replace(/[×·⋅∙]/g, '*')
    .replace(/÷/g, '/')
    .replace(/−/g, '-');
}

type Token =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'name' | 'op'; readonly text: string };

// Letters run together are single-letter variables multiplied ("mc"), unless they spell a function or pi.
// Three loose letters in one run are a word, not a formula; a digit right after a letter is a chemical
// subscript ("H2O"), not a product.
function lex(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const rest = text.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = /^\d+(?:\.\d+)?/.exec(rest);
    if (number) {
      if (/[a-z]/.test(text[at - 1] ?? '')) return undefined;
      tokens.push({ kind: 'number', value: Number(number[0]) });
      at += number[0].length;
      continue;
    }
    const letters = /^[a-z]+/.exec(rest)?.[0];
    if (letters) {
      let loose = 0; // letters of the run that are not a name
      for (let i = 0; i < letters.length; ) {
        const name = NAMES.find((candidate) => letters.startsWith(candidate, i));
        if (name) {
          tokens.push({ kind: 'name', text: name });
          i += name.length;
        } else {
          // "topics" is not t·o·pi·c·s, but a run without a vowel is no word ("nRT").
          if (++loose >= 3 && /[aeiouy]/.test(letters)) return undefined;
          tokens.push({ kind: 'name', text: letters[i] ?? '' });
          i++;
        }
      }
      at += letters.length;
      continue;
    }
    if ('+-*/^=()'.includes(rest[0] ?? '')) {
      tokens.push({ kind: 'op', text: rest[0] ?? '' });
      at++;
      continue;
    }
    return undefined;
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  formula(): Formula | undefined {
    const left = this.sum();
    if (!left) return undefined;
    if (this.peekOp('=')) {
      this.at++;
      const right = this.sum();
      return right && this.at === this.tokens.length ? { left, right } : undefined;
    }
    return this.at === this.tokens.length ? { left } : undefined;
  }

  private peekOp(text: string): boolean {
    const token = this.tokens[this.at];
    return token?.kind === 'op' && token.text === text;
  }

  private sum(): Node | undefined {
    let left = this.product();
    while (left && (this.peekOp('+') || this.peekOp('-'))) {
      const op = this.peekOp('+') ? '+' : '-';
      this.at++;
      const right = this.product();
      if (!right) return undefined;
      left = { kind: 'binary', op, left, right };
    }
    return left;
  }

  private startsFactor(): boolean {
    const token = this.tokens[this.at];
    return token !== undefined && (token.kind !== 'op' || token.text === '(');
  }

  private product(): Node | undefined {
    let left = this.unary();
    while (left) {
      const op = this.peekOp('*') ? '*' : this.peekOp('/') ? '/' : this.startsFactor() ? '' : undefined;
      if (op === undefined) break;
      if (op) this.at++;
      const right = this.unary();
      if (!right) return undefined;
      left = { kind: 'binary', op: op === '/' ? '/' : '*', left, right };
    }
    return left;
  }

  private unary(): Node | undefined {
    if (this.peekOp('-') || this.peekOp('+')) {
      const negate = this.peekOp('-');
      this.at++;
      const operand = this.unary();
      return operand && negate ? { kind: 'negate', operand } : operand;
    }
    return this.power();
  }

  private power(): Node | undefined {
    const base = this.atom();
    if (!base || !this.peekOp('^')) return base;
    this.at++;
    const exponent = this.unary();
    return exponent && { kind: 'binary', op: '^', left: base, right: exponent };
  }

  private atom(): Node | undefined {
    const token = this.tokens[this.at];
    if (!token) return undefined;
    this.at++;
    if (token.kind === 'number') return { kind: 'number', value: token.value };
    if (token.kind === 'name') {
      if (token.text === 'pi') return { kind: 'number', value: Math.PI };
      if (!(token.text in FUNCTIONS)) return { kind: 'variable', name: token.text };
      const argument = this.power();
      return argument && { kind: 'call', name: token.text, argument };
    }
    if (token.text !== '(') return undefined;
    const inner = this.sum();
    if (!inner || !this.peekOp(')')) return undefined;
    this.at++;
    return inner;
  }
}

function variables(node: Node, into = new Set<string>()): Set<string> {
  if (node.kind === 'variable') into.add(node.name);
  else if (node.kind === 'call') variables(node.argument, into);
  else if (node.kind === 'negate') variables(node.operand, into);
  else if (node.kind === 'binary') {
    variables(node.left, into);
    variables(node.right, into);
  }
  return into;
}

// What makes a bare expression a formula rather than a quantity or an acronym ("16 MB", "CI/CD"):
// a function, pi or a power of a variable.
function isFormula(node: Node): boolean {
  if (node.kind === 'call') return true;
  if (node.kind === 'number') return node.value === Math.PI;
  if (node.kind === 'negate') return isFormula(node.operand);
  if (node.kind === 'variable') return false;
  if (node.op === '^' && variables(node.left).size > 0) return true;
  return isFormula(node.left) || isFormula(node.right);
}

function evaluate(node: Node, values: ReadonlyMap<string, number>): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'variable':
      return values.get(node.name) ?? Number.NaN;
    case 'call':
      return (FUNCTIONS[node.name] ?? (() => Number.NaN))(evaluate(node.argument, values));
    case 'negate':
      return -evaluate(node.operand, values);
    case 'binary': {
      const a = evaluate(node.left, values);
      const b = evaluate(node.right, values);
      if (node.op === '+') return a + b;
      if (node.op === '-') return a - b;
      if (node.op === '*') return a * b;
      if (node.op === '/') return a / b;
      return a ** b;
    }
  }
}

/** Reads a text as a formula, or undefined when it is not one (words, chemical formulas, plain numbers). */
export function readFormula(text: string): Formula | undefined {
  const tokens = lex(spell(text));
  if (!tokens || tokens.length === 0) return undefined;
  return new Parser(tokens).formula();
}

// Fixed, irregular sample values: no two simple formulas that differ agree on all of them.
const SAMPLES: readonly number[] = [
  1.37, 2.77, 0.614, 3.41, 1.093, 2.29, 0.377, 1.852, 4.07, 0.921, 1.66, 2.49,
];
const POINTS = 3;

function samplePoint(names: Iterable<string>, point: number): Map<string, number> {
  const values = new Map<string, number>();
  let i = point * 5;
  for (const name of [...names].sort()) values.set(name, SAMPLES[i++ % SAMPLES.length] ?? 1);
  return values;
}

function same(a: number, b: number): boolean {
  return (
    Number.isFinite(a) &&
    Number.isFinite(b) &&
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
  );
}

function sameExpression(a: Node, b: Node): boolean {
  const names = new Set([...variables(a), ...variables(b)]);
  for (let point = 0; point < POINTS; point++) {
    const values = samplePoint(names, point);
    if (!same(evaluate(a, values), evaluate(b, values))) return false;
  }
  return true;
}

// The side that is one variable not found on the other ("E" in "E = mc^2"): solving for it gives points on the equation.
function solved(left: Node, right: Node): { name: string; value: Node } | undefined {
  if (left.kind === 'variable' && !variables(right).has(left.name)) return { name: left.name, value: right };
  if (right.kind === 'variable' && !variables(left).has(right.name)) return { name: right.name, value: left };
  return undefined;
}

// Every point of `source` (solved for its lone variable) lies on `target`; undefined when `source` cannot be solved so.
function holdsOn(source: Formula & { right: Node }, target: Formula & { right: Node }): boolean | undefined {
  const lone = solved(source.left, source.right);
  if (!lone) return undefined;
  const names = new Set([
    ...variables(source.left),
    ...variables(source.right),
    ...variables(target.left),
    ...variables(target.right),
  ]);
  names.delete(lone.name);
  for (let point = 0; point < POINTS; point++) {
    const values = samplePoint(names, point);
    values.set(lone.name, evaluate(lone.value, values));
    if (!same(evaluate(target.left, values), evaluate(target.right, values))) return false;
  }
  return true;
}

function variablesOfBoth(a: Formula & { right: Node }, b: Formula & { right: Node }): Set<string> {
  return new Set([...variables(a.left), ...variables(a.right), ...variables(b.left), ...variables(b.right)]);
}

// Neither side a lone variable ("a² + b² = c²" and "c² = b² + a²"): the equations are one when their
// differences of sides are proportional at every sample point, whatever the order, side or scale.
function sameEquation(a: Formula & { right: Node }, b: Formula & { right: Node }): boolean {
  const names = variablesOfBoth(a, b);
  let ratio: number | undefined;
  for (let point = 0; point < POINTS; point++) {
    const values = samplePoint(names, point);
    const one = evaluate(a.left, values) - evaluate(a.right, values);
    const other = evaluate(b.left, values) - evaluate(b.right, values);
    if (same(one, 0) || same(other, 0)) return same(one, 0) && same(other, 0);
    if (ratio === undefined) ratio = one / other;
    else if (!same(one / other, ratio)) return false;
  }
  return true;
}

// Equations with the same points, whatever the factor between their sides' differences ("PV/T = nR").
function sameSolutions(a: Formula & { right: Node }, b: Formula & { right: Node }): boolean {
  const names = variablesOfBoth(a, b);
  const residual = (formula: Formula & { right: Node }) => (values: ReadonlyMap<string, number>) =>
    evaluate(formula.left, values) - evaluate(formula.right, values);
  return (
    sameRoots(residual(a), residual(b), [...names].sort(), (point) => samplePoint(names, point), POINTS) ===
    true
  );
}

function isEquation(formula: Formula): formula is Formula & { right: Node } {
  return formula.right !== undefined;
}

/**
 * Correct or wrong when both the card's answer and the typed one are formulas with a variable
 * (the card's has an operation too); undefined when either is not, so the other rules judge it.
 */
export function compareFormula(answer: string, expected: string): GraderVerdict | undefined {
  // A decimal or a number before a unit is a quantity ("6.6 × 10^-34 J·s", "16 MB"); before a letter that
  // names no unit it is a product ("2x"). Digits grouped by spaces are one number ("506 000 km²").
  const letters = /^\s*\d+(?: \d{3})*\s*([a-z]+)/i.exec(expected)?.[1];
  if (/\d[.,]\d/.test(expected) || (letters && (letters.length > 1 || unitNamed(letters.toLowerCase()))))
    return undefined;
  const want = readFormula(expected);
  const product = letters?.length === 1 && /^\s*\d+\s*[a-z]\s*$/i.test(expected);
  if (!want || !(want.right || isFormula(want.left) || product)) return undefined;
  if (variables(want.left).size + (want.right ? variables(want.right).size : 0) === 0) return undefined;
  const typed = readFormula(answer);
  if (!typed) return undefined;
  if (isEquation(want) && isEquation(typed)) {
    const one = holdsOn(want, typed);
    const other = holdsOn(typed, want);
    if (one === undefined && other === undefined)
      return sameEquation(want, typed) || sameSolutions(want, typed) ? 'correct' : 'wrong';
    return one !== false && other !== false ? 'correct' : 'wrong';
  }
  if (!isEquation(want) && !isEquation(typed))
    return sameExpression(want.left, typed.left) ? 'correct' : 'wrong';
  // "A = pi r^2" for "πr²": the answer names the quantity the card's expression gives.
  if (!isEquation(want) && isEquation(typed)) {
    const lone = solved(typed.left, typed.right);
    if (!lone || variables(want.left).has(lone.name)) return undefined;
    return sameExpression(want.left, lone.value) ? 'correct' : 'wrong';
  }
  return undefined;
}

const PLAIN_NUMBER = /^\s*-?\d+(?:\.(\d+))?\s*$/;
// "1989-11-09", "14/07/1789": a date, not a subtraction or a division.
const DATE_LIKE = /^\s*\d{1,4}([-/.])\d{1,2}\1\d{1,4}\s*$/;
// An operation or a function: what makes typed digits a calculation rather than a number.
const CALCULATION = /[-+*/^×·÷√()]|\bsqrt\b|\bpi\b|π/;

/**
 * A calculation typed for a plain number ("(1+√5)/2" for "1.618", "2^8 - 1" for "255"): correct when its value
 * rounds to the card's number at the card's precision, wrong when not; undefined when either is no such thing.
 */
export function compareValue(answer: string, expected: string): GraderVerdict | undefined {
  const plain = PLAIN_NUMBER.exec(expected);
  if (!plain || PLAIN_NUMBER.test(answer) || DATE_LIKE.test(answer) || !CALCULATION.test(answer))
    return undefined;
  const typed = readFormula(answer);
  if (!typed || typed.right || variables(typed.left).size > 0) return undefined;
  const value = evaluate(typed.left, new Map());
  if (!Number.isFinite(value)) return undefined;
  const places = plain[1]?.length ?? 0;
  return Math.abs(value - Number(expected)) <= 0.5 * 10 ** -places + 1e-12 ? 'correct' : 'wrong';
}
