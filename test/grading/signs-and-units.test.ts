import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('signs, fractions and scientific notation', () => {
  it('GIVEN a lost sign or a flipped fraction THEN it is wrong', () => {
    expect(verdictOf('-196 °C', '196 °C')).toBe('wrong');
    // "±4" is two values: one of them alone is half the answer; both, for one of them, say more.
    expect(verdictOf('x = ±4', 'x = 4')).toBe('wrong');
    expect(verdictOf('x = ±4', 'x = -4')).toBe('wrong');
    expect(verdictOf('x = ±4', 'x = ± 4')).toBe('correct');
    expect(verdictOf('12', '±12')).toBe('correct');
    expect(verdictOf('7', '-7')).toBe('wrong');
    expect(verdictOf('3/4', '4/3')).toBe('wrong');
    expect(verdictOf('6.022 × 10^23', '6.022 × 10^-23')).toBe('wrong');
  });

  it('GIVEN the same value written another way THEN it is correct', () => {
    expect(verdictOf('-196 °C', '−196 °C')).toBe('correct');
    expect(verdictOf('3/4', '0.75')).toBe('correct');
    expect(verdictOf('3/4', 'three quarters')).toBe('correct');
    expect(verdictOf('6.022 × 10^23', '6.022e23')).toBe('correct');
    expect(verdictOf('6.626 × 10^-34 J·s', '6.6e-34')).toBe('correct');
  });

  it('GIVEN a figure rounded from the exact one THEN it is correct, but a different figure is not', () => {
    expect(verdictOf('9.81 m/s²', '9.8 m/s^2')).toBe('correct');
    expect(verdictOf('3.14', '3')).toBe('wrong');
    expect(verdictOf('6379', '6380')).toBe('wrong');
  });
});

describe('units across scales', () => {
  it('GIVEN mass, length and temperature in other units THEN they are compared by value', () => {
    expect(verdictOf('4 g', '4,000 mg')).toBe('correct');
    expect(verdictOf('8,849 m', '29,032 ft')).toBe('correct');
    expect(verdictOf('37 °C', '98.6 °F')).toBe('correct');
    expect(verdictOf('3 × 10^8 m/s', '300,000 km/s')).toBe('correct');
    expect(verdictOf('4 g', '4 mg')).toBe('wrong');
    expect(verdictOf('37 °C', '37 °F')).toBe('wrong');
    // Rounding is judged in the answer's own degrees, not in kelvin far from zero.
    expect(verdictOf('37 °C', '39 °C')).toBe('wrong');
    expect(verdictOf('37 °C', '36 °C')).toBe('wrong');
  });

  it('GIVEN a bare number for a question that names its unit THEN an answer in another unit is converted', () => {
    const bits = { question: 'How many bits are in an IPv4 address?' };
    expect(verdictOf('32', '32', bits)).toBe('correct');
    expect(verdictOf('32', '32 bits', bits)).toBe('correct');
    expect(verdictOf('32', '4 bytes', bits)).toBe('correct');
    expect(verdictOf('32', '32 bytes', bits)).toBe('wrong');
    // A unit after a number, or a lone letter, is not the answer's unit.
    expect(verdictOf('7', '7 g', { question: 'What is the pH of pure water at 25 °C?' })).toBe('correct');
  });

  it("GIVEN the card's own answer typed exactly THEN it is correct, whatever units or numbers the question holds", () => {
    // Found by the simulator: "Question of c-0?" read "c" as a unit and turned the answer into "0 c".
    expect(verdictOf('answer 0', 'answer 0', { question: 'Question of c-0?' })).toBe('correct');
    expect(verdictOf('answer 7', 'Answer 7', { question: 'Question of c-7?' })).toBe('correct');
    expect(verdictOf('answer 7', 'answer 8', { question: 'Question of c-7?' })).toBe('wrong');
  });
});
