export type Dimension = string;

export interface Unit {
  readonly symbol: string;
  readonly dimension: Dimension;
  /** Size of one unit in the dimension's base: seconds, bits, a whole (1.0), bits per second, hertz. */
  readonly factor: number;
  /** The size when read in powers of two, as people often mean "MB" and "GB" ("512 MB" is "0.5 GB"). */
  readonly binaryFactor: number;
  /** Added after the factor, for scales that do not start at zero: Celsius and Fahrenheit to kelvin. */
  readonly offset?: number;
}

function unit(
  symbol: string,
  dimension: Dimension,
  factor: number,
  spellings: string,
  binaryFactor = factor,
  offset = 0,
): [string, Unit][] {
  const value = { symbol, dimension, factor, binaryFactor, offset };
  return [symbol, ...spellings.split(' ')].filter(Boolean).map((spelling) => [spelling, value]);
}

// Lowercase spellings only: after normalising, "Mb" (megabit) and "MB" (megabyte) look alike, so "mb" is the byte.
const UNITS: ReadonlyMap<string, Unit> = new Map([
  ...unit('ns', 'time', 1e-9, 'nsec nanosecond nanoseconds'),
  ...unit('us', 'time', 1e-6, 'usec microsecond microseconds'),
  ...unit('ms', 'time', 1e-3, 'msec msecs millisecond milliseconds'),
  ...unit('s', 'time', 1, 'sec secs second seconds'),
  ...unit('min', 'time', 60, 'mins minute minutes'),
  ...unit('h', 'time', 3_600, 'hr hrs hour hours'),
  ...unit('d', 'time', 86_400, 'day days'),
  ...unit('wk', 'time', 604_800, 'week weeks'),
  ...unit('bit', 'data', 1, 'bits'),
  ...unit('b', 'data', 8, 'byte bytes'),
  ...unit('kb', 'data', 8e3, 'kilobyte kilobytes', 8 * 2 ** 10),
  ...unit('kib', 'data', 8 * 2 ** 10, 'kibibyte kibibytes'),
  ...unit('mb', 'data', 8e6, 'megabyte megabytes', 8 * 2 ** 20),
  ...unit('mib', 'data', 8 * 2 ** 20, 'mebibyte mebibytes'),
  ...unit('gb', 'data', 8e9, 'gigabyte gigabytes', 8 * 2 ** 30),
  ...unit('gib', 'data', 8 * 2 ** 30, 'gibibyte gibibytes'),
  ...unit('tb', 'data', 8e12, 'terabyte terabytes', 8 * 2 ** 40),
  ...unit('tib', 'data', 8 * 2 ** 40, 'tebibyte tebibytes'),
  ...unit('percent', 'ratio', 0.01, 'pct percents percentage'),
  ...unit('bps', 'rate', 1, ''),
  ...unit('kbps', 'rate', 1e3, ''),
  ...unit('mbps', 'rate', 1e6, ''),
  ...unit('gbps', 'rate', 1e9, ''),
  ...unit('hz', 'frequency', 1, 'hertz'),
  ...unit('khz', 'frequency', 1e3, ''),
  ...unit('mhz', 'frequency', 1e6, ''),
  ...unit('ghz', 'frequency', 1e9, ''),
  ...unit('mg', 'mass', 1e-3, 'milligram milligrams milligramme milligrammes'),
  ...unit('g', 'mass', 1, 'gram grams gramme grammes gr'),
  ...unit('kg', 'mass', 1e3, 'kilogram kilograms kilo kilos kilogramme kilogrammes'),
  ...unit('lb', 'mass', 453.592_37, 'lbs pound pounds'),
  ...unit('mm', 'length', 1e-3, 'millimetre millimetres millimeter millimeters'),
  ...unit('cm', 'length', 1e-2, 'centimetre centimetres centimeter centimeters'),
  ...unit('m', 'length', 1, 'metre metres meter meters'),
  ...unit('km', 'length', 1e3, 'kilometre kilometres kilometer kilometers kms'),
  ...unit('ft', 'length', 0.3048, 'foot feet'),
  ...unit('mi', 'length', 1_609.344, 'mile miles'),
  ...unit('au', 'length', 149_597_870_700, 'astronomical'),
  ...unit('c', 'temperature', 1, 'celsius centigrade', 1, 273.15),
  ...unit('f', 'temperature', 5 / 9, 'fahrenheit', 5 / 9, 273.15 - (32 * 5) / 9),
  ...unit('kelvin', 'temperature', 1, 'kelvins'),
  ...unit('j', 'energy', 1, 'joule joules'),
  ...unit('js', 'action', 1, 'joule-second'),
]);

const DEGREES = new Set(['degree', 'degrees', 'deg']);
const PER = new Set(['/', 'per']);
const SQUARED = new Set(['2', 'squared']);

function compound(first: Unit, second: Unit, squared: boolean): Unit {
  const power = squared ? 2 : 1;
  return {
    symbol: `${first.symbol}/${second.symbol}${squared ? '2' : ''}`,
    dimension: `${first.dimension}/${second.dimension}${squared ? '2' : ''}`,
    factor: first.factor / second.factor ** power,
    binaryFactor: first.binaryFactor / second.binaryFactor ** power,
  };
}

function readSimpleUnit(words: readonly string[], index: number): { unit: Unit; next: number } | undefined {
  const word = words[index];
  if (word === undefined) return undefined;
  if (word === 'per' && words[index + 1] === 'cent') {
    const percent = UNITS.get('percent');
    return percent && { unit: percent, next: index + 2 };
  }
  if (DEGREES.has(word)) {
    const scale = UNITS.get(words[index + 1] ?? '');
    if (scale?.dimension === 'temperature') return { unit: scale, next: index + 2 };
  }
  // "s2" is what "s²" folds to.
  const squared = /^([a-z]+)2$/.exec(word);
  const base = squared?.[1] === undefined ? undefined : UNITS.get(squared[1]);
  if (base) {
    const unit = {
      symbol: `${base.symbol}2`,
      dimension: `${base.dimension}2`,
      factor: base.factor ** 2,
      binaryFactor: base.binaryFactor ** 2,
    };
    return { unit, next: index + 1 };
  }
  const found = UNITS.get(word);
  return found && { unit: found, next: index + 1 };
}

// "J s" and "J·s" (folded to two words) are the joule-second.
function product(
  words: readonly string[],
  first: { unit: Unit; next: number },
): { unit: Unit; next: number } {
  const joined = UNITS.get(`${first.unit.symbol}${words[first.next] ?? ''}`);
  return joined ? { unit: joined, next: first.next + 1 } : first;
}

/** The unit spelled from `index` ("ms", "per cent", "km/s", "metres per second squared"), and the index after it. */
export function readUnit(words: readonly string[], index: number): { unit: Unit; next: number } | undefined {
  const simple = readSimpleUnit(words, index);
  const first = simple && product(words, simple);
  if (!first || !PER.has(words[first.next] ?? '')) return first;
  const second = readSimpleUnit(words, first.next + 1);
  if (!second?.unit.dimension.startsWith('time')) return first;
  const squared = SQUARED.has(words[second.next] ?? '');
  return { unit: compound(first.unit, second.unit, squared), next: second.next + (squared ? 1 : 0) };
}

export function isUnit(word: string): boolean {
  return UNITS.has(word);
}

/** The unit a word names on its own ("bits", "seconds"), if any. */
export function unitNamed(word: string): Unit | undefined {
  return UNITS.get(word);
}
