import { describe, expect, it } from 'vitest';
import { loadLanguages } from '../../src/languages/load.ts';
import { verdictOf } from './verdict-of.ts';

await loadLanguages(['en', 'es', 'fr', 'de']);

describe('units a teacher reads across scales and languages', () => {
  it('GIVEN kelvin, Celsius and Fahrenheit for one temperature THEN they agree, down to absolute zero', () => {
    expect(verdictOf('373.15 K', '100 °C')).toBe('correct');
    expect(verdictOf('373.15 K', '373.15 kelvin')).toBe('correct');
    expect(verdictOf('−273.15 °C', '0 K')).toBe('correct');
    expect(verdictOf('−273.15 °C', '-459.67 °F')).toBe('correct');
    expect(verdictOf('373.15 K', '373.15 °C')).toBe('wrong');
    // A thousand glued to its number stays a thousand.
    expect(verdictOf('10,000', '10k')).toBe('correct');
  });

  it('GIVEN volts, watts, pressure, volume, beats per minute and square kilometres THEN they are units', () => {
    expect(verdictOf('230 V', '0.23 kV')).toBe('correct');
    expect(verdictOf('230 V', '230 volts')).toBe('correct');
    expect(verdictOf('230 V', '230 A')).toBe('wrong');
    expect(verdictOf('746 W', '0.746 kW')).toBe('correct');
    expect(verdictOf('120 mmHg', '120')).toBe('correct');
    expect(verdictOf('5 l', '5000 ml')).toBe('correct');
    expect(verdictOf('5 l', '5 ml')).toBe('wrong');
    expect(verdictOf('60–100 bpm', '60 to 100 beats per minute')).toBe('correct');
    expect(verdictOf('17.1 million km²', '17.1 million square kilometres')).toBe('correct');
    expect(verdictOf('17.1 million km²', '17.1 million m²')).toBe('wrong');
  });

  it('GIVEN an amount of money THEN its currency counts, and words for it are the symbol', () => {
    expect(verdictOf('$50', '50 dollars')).toBe('correct');
    expect(verdictOf('$50', 'fifty dollars')).toBe('correct');
    expect(verdictOf('$50', '$500')).toBe('wrong');
  });

  it('GIVEN a range THEN its ends are two numbers, not one in thousands', () => {
    expect(verdictOf('60–100 bpm', '60-100')).toBe('correct');
    expect(verdictOf('60–100 bpm', '60-80')).toBe('wrong');
    expect(verdictOf('60–100 bpm', '60100 bpm')).toBe('wrong');
  });

  it('GIVEN a rounded figure in another unit THEN its trailing zeros may be rounding; in one unit they count', () => {
    expect(verdictOf('6,650 km', '4,130 miles')).toBe('correct');
    expect(verdictOf('6379', '6380')).toBe('wrong');
  });

  it('GIVEN units in the deck language THEN they are read: Minuten, Stunden, Prozent, litros', () => {
    expect(verdictOf('90 Minuten', '1,5 Stunden', { lang: 'de' })).toBe('correct');
    expect(verdictOf('90 Minuten', '90 Sekunden', { lang: 'de' })).toBe('wrong');
    expect(verdictOf('19 %', '19 Prozent', { lang: 'de' })).toBe('correct');
    expect(verdictOf('5 litros', '5000 ml', { lang: 'es' })).toBe('correct');
  });
});

describe('numbers as a deck language writes and spells them', () => {
  it('GIVEN a decimal comma and a thousands dot THEN they read as the deck language means them', () => {
    expect(verdictOf('1,602 × 10^-19 C', '1.602e-19 C', { lang: 'de' })).toBe('correct');
    expect(verdictOf('1,602 × 10^-19 C', '1,602 × 10^-18 C', { lang: 'de' })).toBe('wrong');
    expect(verdictOf('6.961 m', '6961 m', { lang: 'es' })).toBe('correct');
    expect(verdictOf('6.961 m', '6.169 m', { lang: 'es' })).toBe('wrong');
    expect(verdictOf('1/6', '0,1667', { lang: 'es' })).toBe('correct');
  });

  it("GIVEN the card's number spelled in the deck language before a unit THEN it is that number", () => {
    expect(verdictOf('90 Minuten', 'neunzig Minuten', { lang: 'de' })).toBe('correct');
    expect(verdictOf('19 %', 'neunzehn Prozent', { lang: 'de' })).toBe('correct');
    expect(verdictOf('5 litros', 'cinco litros', { lang: 'es' })).toBe('correct');
    expect(verdictOf('5 litros', 'seis litros', { lang: 'es' })).toBe('wrong');
  });

  it('GIVEN shares, ordinals, centuries and hexadecimal THEN they are numbers', () => {
    expect(verdictOf('1/6', 'one sixth')).toBe('correct');
    expect(verdictOf('1/6', '16.7%')).toBe('correct');
    expect(verdictOf('1/6', '6/1')).toBe('wrong');
    expect(verdictOf('18th century', 'eighteenth century')).toBe('correct');
    expect(verdictOf('18th century', 'XVIII century')).toBe('correct');
    expect(verdictOf('18th century', '1700s')).toBe('correct');
    expect(verdictOf('18th century', '1800s')).toBe('wrong');
    expect(verdictOf('21st century', 'twenty-first century')).toBe('correct');
    expect(verdictOf('255', '0xFF')).toBe('correct');
  });

  it('GIVEN a regnal number in Roman numerals THEN digits and ordinals name the same ruler, others do not', () => {
    expect(verdictOf('Charles V', 'Charles 5')).toBe('correct');
    expect(verdictOf('Charles V', 'Charles 5th')).toBe('correct');
    expect(verdictOf('Charles V', 'Charles the Fifth')).toBe('correct');
    expect(verdictOf('John XXIII', 'John 23')).toBe('correct');
    expect(verdictOf('Charles V', 'Charles VI')).toBe('wrong');
    expect(verdictOf('Charles V', 'Charles 6')).toBe('wrong');
    expect(verdictOf('Charles V', 'Charles')).toBe('wrong');
    expect(verdictOf('Louis XIV', 'Louis quatorze', { lang: 'fr' })).toBe('correct');
  });
});

describe('calculations, equations and their solutions', () => {
  it('GIVEN a calculation for a number THEN its value counts at the precision of the card', () => {
    expect(verdictOf('1.618', '(1+√5)/2')).toBe('correct');
    expect(verdictOf('255', '2^8 - 1')).toBe('correct');
    expect(verdictOf('5', '15/3')).toBe('correct');
    expect(verdictOf('255', '2^8')).toBe('wrong');
    // A date is not a subtraction.
    expect(verdictOf('1989', '1989-11-09', { question: 'In what year did the Berlin Wall fall?' })).toBe(
      'correct',
    );
  });

  it('GIVEN an equation rearranged with no lone variable THEN it is the same equation; a flipped sign is not', () => {
    expect(verdictOf('a² + b² = c²', 'c² = a² + b²')).toBe('correct');
    expect(verdictOf('a² + b² = c²', 'b^2 + a^2 = c^2')).toBe('correct');
    expect(verdictOf('a² + b² = c²', 'a² - b² = c²')).toBe('wrong');
    expect(verdictOf('a² + b² = c²', 'c^2 = a^2 - b^2')).toBe('wrong');
  });

  it('GIVEN both solutions of x = ±4 in any form THEN it is correct; one of them alone is not', () => {
    expect(verdictOf('x = ±4', '±4')).toBe('correct');
    expect(verdictOf('x = ±4', 'x = 4 or x = -4')).toBe('correct');
    expect(verdictOf('x = ±4', '4 and -4')).toBe('correct');
    expect(verdictOf('x = ±4', '-4, 4')).toBe('correct');
    expect(verdictOf('x = ±4', '4 or 4')).toBe('wrong');
    expect(verdictOf('x = ±4', '4')).toBe('wrong');
    expect(verdictOf('x = ±4', 'x = 5 or x = -5')).toBe('wrong');
  });

  it('GIVEN a value given a name ("Z = 6") for a bare number THEN the value is the answer', () => {
    expect(verdictOf('6', 'Z = 6')).toBe('correct');
    expect(verdictOf('6', 'Z = 8')).toBe('wrong');
  });
});

describe('dates without a year', () => {
  it('GIVEN a day of the year in another order THEN it is the same day; another day or a fraction is not', () => {
    expect(verdictOf('July 4', '4 July')).toBe('correct');
    expect(verdictOf('July 4', '4th of July')).toBe('correct');
    expect(verdictOf('July 4', 'July 14')).toBe('wrong');
    expect(verdictOf('3/4', '4/3')).toBe('wrong');
  });
});

describe('more forms of one value', () => {
  it('GIVEN superscript powers of ten THEN they are powers, not digits', () => {
    expect(verdictOf('6.022 × 10^23', '6.022 × 10²³')).toBe('correct');
    expect(verdictOf('1.5 × 10^-3', '1.5 × 10⁻³')).toBe('correct');
    expect(verdictOf('1.5 × 10^-3', '1.5 × 10³')).toBe('wrong');
  });

  it('GIVEN currency symbols and words THEN the currency counts', () => {
    expect(verdictOf('€20', '20 €')).toBe('correct');
    expect(verdictOf('€20', '20 euros')).toBe('correct');
    expect(verdictOf('€20', '$20')).toBe('wrong');
  });

  it('GIVEN a duration in two units, a speed in one word, shares in words THEN they are one value', () => {
    expect(verdictOf('150 minutes', '2 h 30 min')).toBe('correct');
    expect(verdictOf('90 minutes', '1 hour and 30 minutes')).toBe('correct');
    expect(verdictOf('90 minutes', '1 hour and 20 minutes')).toBe('wrong');
    expect(verdictOf('100 km/h', '100 kph')).toBe('correct');
    expect(verdictOf('60 mph', '96.6 km/h')).toBe('correct');
    expect(verdictOf('1/4', '1 in 4')).toBe('correct');
    expect(verdictOf('50%', 'half')).toBe('correct');
    expect(verdictOf('0.5', '½')).toBe('correct');
    expect(verdictOf('3/4', '¾')).toBe('correct');
  });

  it('GIVEN eras, Roman numerals alone and a named value THEN they read as the card means', () => {
    expect(verdictOf('44 BC', '44 BCE')).toBe('correct');
    expect(verdictOf('44 BC', '44 AD')).toBe('wrong');
    expect(verdictOf('MMXXIV', '2024')).toBe('correct');
    expect(verdictOf('x = 2', '2')).toBe('correct');
    expect(verdictOf('x = 2', '3')).toBe('wrong');
  });
});

describe('names', () => {
  it('GIVEN a thesaurus that lists a first name as a synonym THEN the first name alone is still wrong', () => {
    const who = { question: 'Who painted the Mona Lisa?' };
    expect(verdictOf('Leonardo da Vinci', 'Leonardo', who)).toBe('wrong');
    expect(verdictOf('Leonardo da Vinci', 'da Vinci', who)).toBe('correct');
    expect(verdictOf('Elizabeth II', 'Elizabeth', { question: 'Who was crowned in 1953?' })).toBe('wrong');
    expect(verdictOf('Elizabeth II', 'Elizabeth I', { question: 'Who was crowned in 1953?' })).toBe('wrong');
    expect(
      verdictOf('Miguel de Cervantes Saavedra', 'Cervantes', { question: 'Who wrote Don Quixote?' }),
    ).toBe('correct');
    expect(verdictOf('Martin Luther King Jr.', 'King', { question: 'Who gave the speech?' })).toBe('correct');
  });
});

describe('file modes', () => {
  it('GIVEN an octal mode as the answer THEN the same mode written out symbolically is correct', () => {
    expect(verdictOf('755', 'u=rwx,go=rx')).toBe('correct');
    expect(verdictOf('755', 'u=rwx,g=rx,o=r')).toBe('wrong');
    expect(verdictOf('755', '775')).toBe('wrong');
  });
});
