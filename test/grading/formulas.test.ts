import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('formulas and equations compared by value', () => {
  it('GIVEN an equation rearranged, sides swapped or with superscripts THEN it is correct', () => {
    expect(verdictOf('F = ma', 'ma = F')).toBe('correct');
    expect(verdictOf('F = ma', 'a = F/m')).toBe('correct');
    expect(verdictOf('F = ma', 'F = a·m')).toBe('correct');
    expect(verdictOf('E = mc^2', 'E = mc²')).toBe('correct');
    expect(verdictOf('P = IV', 'I = P/V')).toBe('correct');
  });

  it('GIVEN an equation whose letters match but whose value does not THEN it is wrong', () => {
    expect(verdictOf('F = ma', 'F = m/a')).toBe('wrong');
    expect(verdictOf('F = ma', 'a = Fm')).toBe('wrong');
    expect(verdictOf('E = mc^2', 'E = m/c^2')).toBe('wrong');
  });

  it('GIVEN a number times a letter that names no unit THEN it is a product: another power of it is wrong', () => {
    expect(verdictOf('2x', '2*x')).toBe('correct');
    expect(verdictOf('2x', 'x*2')).toBe('correct');
    expect(verdictOf('2x', '2x^2')).toBe('wrong');
    expect(verdictOf('5 m', '5 metres')).toBe('correct');
  });

  it('GIVEN an expression written another way THEN it is compared by value', () => {
    expect(verdictOf('(x+1)^2', 'x^2 + 2x + 1')).toBe('correct');
    expect(verdictOf('4/3 πr³', '4 pi r^3 / 3')).toBe('correct');
    expect(verdictOf('sin x', 'sine of x')).toBe('correct');
    expect(verdictOf('sin x', 'sin(x)')).toBe('correct');
    expect(verdictOf('sin x', '-sin x')).toBe('wrong');
    expect(verdictOf('x^2', 'x^3')).toBe('wrong');
  });

  it('GIVEN an expression answered as a named quantity THEN it is correct', () => {
    expect(verdictOf('4/3 πr³', 'V = 4/3 pi r^3')).toBe('correct');
  });

  it('GIVEN quantities, acronyms, chemical formulas and words THEN they are not read as formulas', () => {
    expect(verdictOf('16 MB', '16')).toBe('correct');
    expect(verdictOf('CI/CD', 'CI-CD')).toBe('correct');
    expect(verdictOf('H2O', 'OH2')).toBe('wrong');
    expect(verdictOf('topic', 'topics')).toBe('correct');
  });
});
