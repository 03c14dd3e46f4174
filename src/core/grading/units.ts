/**
 * A unit's dimension, as the powers of its base quantities in a fixed order ("kg1 m2 s-2" is an energy):
 * units built from others (J/(kg·K), N/m², m s⁻²) compare by what they measure, however they are written.
 * Besides the SI bases, data (bit), a share (ratio), a count and each currency are bases of their own.
 */
export type Dimension = string;

/** The canonical dimension of powers written "kg m2 s-2". */
export function dimensionOf(powers: string): Dimension {
  return canonical(parsePowers(powers));
}

function parsePowers(powers: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const part of powers.split(' ').filter(Boolean)) {
    const [, base = part, exponent = '1'] = /^([a-zA-Z]+)(-?\d+)?$/.exec(part) ?? [];
    map.set(base, (map.get(base) ?? 0) + Number(exponent));
  }
  return map;
}

function canonical(powers: ReadonlyMap<string, number>): Dimension {
  return [...powers]
    .filter(([, exponent]) => exponent !== 0)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([base, exponent]) => `${base}${exponent}`)
    .join(' ');
}

/** The dimension of `a` times `b` to the power `exponent`. */
function combined(a: Dimension, b: Dimension, exponent: number): Dimension {
  const powers = parsePowers(a);
  for (const [base, power] of parsePowers(b)) powers.set(base, (powers.get(base) ?? 0) + power * exponent);
  return canonical(powers);
}

export const LENGTH = dimensionOf('m');
export const TEMPERATURE = dimensionOf('K');
export const RATIO = dimensionOf('ratio');

export interface Unit {
  readonly symbol: string;
  readonly dimension: Dimension;
  /** Size of one unit in the SI units of its dimension (seconds, kilograms, cubic metres), or bits, a whole (1.0). */
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
  const value = { symbol, dimension: dimensionOf(dimension), factor, binaryFactor, offset };
  return [symbol, ...spellings.split(' ')].filter(Boolean).map((spelling) => [spelling, value]);
}

// Lowercase spellings only: after normalising, "Mb" (megabit) and "MB" (megabyte) look alike, so "mb" is the byte.
const SPELLED_UNITS: ReadonlyMap<string, Unit> = new Map([
  ...unit('ns', 's', 1e-9, 'nsec nanosecond nanoseconds'),
  ...unit('us', 's', 1e-6, 'usec microsecond microseconds'),
  ...unit('ms', 's', 1e-3, 'msec msecs millisecond milliseconds'),
  ...unit(
    's',
    's',
    1,
    'sec secs second seconds sekunde sekunden segundo segundos seconde secondes secondo secondi',
  ),
  ...unit('min', 's', 60, 'mins minute minutes minuten minuto minutos minuti'),
  ...unit('h', 's', 3_600, 'hr hrs hour hours stunde stunden hora horas heure heures ora ore'),
  ...unit('d', 's', 86_400, 'day days tage dia dias jour jours'),
  ...unit('wk', 's', 604_800, 'week weeks woche wochen semana semanas semaine semaines'),
  ...unit('bit', 'bit', 1, 'bits'),
  ...unit('b', 'bit', 8, 'byte bytes'),
  ...unit('kb', 'bit', 8e3, 'kilobyte kilobytes', 8 * 2 ** 10),
  ...unit('kib', 'bit', 8 * 2 ** 10, 'kibibyte kibibytes'),
  ...unit('mb', 'bit', 8e6, 'megabyte megabytes', 8 * 2 ** 20),
  ...unit('mib', 'bit', 8 * 2 ** 20, 'mebibyte mebibytes'),
  ...unit('gb', 'bit', 8e9, 'gigabyte gigabytes', 8 * 2 ** 30),
  ...unit('gib', 'bit', 8 * 2 ** 30, 'gibibyte gibibytes'),
  ...unit('tb', 'bit', 8e12, 'terabyte terabytes', 8 * 2 ** 40),
  ...unit('tib', 'bit', 8 * 2 ** 40, 'tebibyte tebibytes'),
  ...unit('percent', 'ratio', 0.01, 'pct percents percentage prozent porcentaje pourcentage'),
  ...unit('bps', 'bit s-1', 1, ''),
  ...unit('kbps', 'bit s-1', 1e3, ''),
  ...unit('mbps', 'bit s-1', 1e6, ''),
  ...unit('gbps', 'bit s-1', 1e9, ''),
  ...unit('hz', 's-1', 1, 'hertz'),
  ...unit('khz', 's-1', 1e3, ''),
  ...unit('mhz', 's-1', 1e6, ''),
  ...unit('ghz', 's-1', 1e9, ''),
  ...unit('ug', 'kg', 1e-9, 'mcg microgram micrograms'),
  ...unit(
    'mg',
    'kg',
    1e-6,
    'milligram milligrams milligramme milligrammes miligramo miligramos milligrammo milligrammi miligrama miligramas',
  ),
  ...unit('g', 'kg', 1e-3, 'gram grams gramme grammes gr gramm gramo gramos grammo grammi grama gramas'),
  ...unit(
    'kg',
    'kg',
    1,
    'kilogram kilograms kilo kilos kilogramme kilogrammes kilogramm kilogramo kilogramos',
  ),
  ...unit('tonne', 'kg', 1e3, 'tonnes ton tons'),
  ...unit('lb', 'kg', 0.453_592_37, 'lbs pound pounds'),
  ...unit('nm', 'm', 1e-9, 'nanometre nanometres nanometer nanometers'),
  ...unit('um', 'm', 1e-6, 'micrometre micrometres micrometer micrometers micron microns'),
  ...unit('mm', 'm', 1e-3, 'millimetre millimetres millimeter millimeters milimetro milimetros'),
  ...unit('cm', 'm', 1e-2, 'centimetre centimetres centimeter centimeters zentimeter centimetro centimetros'),
  ...unit('m', 'm', 1, 'metre metres meter meters metro metros metri'),
  ...unit('km', 'm', 1e3, 'kilometre kilometres kilometer kilometers kms kilometro kilometros kilometri'),
  // Never "in" alone: "1896 in Athens" is a year and a place.
  ...unit('inch', 'm', 0.0254, 'inches'),
  ...unit('ft', 'm', 0.3048, 'foot feet'),
  ...unit('yd', 'm', 0.9144, 'yard yards'),
  ...unit('mi', 'm', 1_609.344, 'mile miles'),
  ...unit('au', 'm', 149_597_870_700, 'astronomical'),
  ...unit('c', 'K', 1, 'celsius centigrade centigrado centigrados centigradi', 1, 273.15),
  ...unit('f', 'K', 5 / 9, 'fahrenheit', 5 / 9, 273.15 - (32 * 5) / 9),
  // "K" is the kelvin; a thousand glued to its number ("10k") is read before units are (splitNumberWord).
  ...unit('k', 'K', 1, 'kelvin kelvins'),
  ...unit('j', 'kg m2 s-2', 1, 'joule joules'),
  ...unit('kj', 'kg m2 s-2', 1e3, 'kilojoule kilojoules'),
  ...unit('cal', 'kg m2 s-2', 4.184, 'calorie calories'),
  ...unit('kcal', 'kg m2 s-2', 4_184, 'kilocalorie kilocalories'),
  ...unit('ev', 'kg m2 s-2', 1.602_176_634e-19, 'electronvolt electronvolts'),
  ...unit('w', 'kg m2 s-3', 1, 'watt watts'),
  ...unit('kw', 'kg m2 s-3', 1e3, 'kilowatt kilowatts'),
  ...unit('hp', 'kg m2 s-3', 745.699_872, 'horsepower'),
  ...unit('v', 'kg m2 s-3 A-1', 1, 'volt volts voltios'),
  ...unit('kv', 'kg m2 s-3 A-1', 1e3, 'kilovolt kilovolts'),
  ...unit('a', 'A', 1, 'amp amps ampere amperes'),
  ...unit('ohm', 'kg m2 s-3 A-2', 1, 'ohms'),
  ...unit('pa', 'kg m-1 s-2', 1, 'pascal pascals'),
  ...unit('hpa', 'kg m-1 s-2', 100, 'hectopascal hectopascals'),
  ...unit('kpa', 'kg m-1 s-2', 1e3, 'kilopascal kilopascals'),
  ...unit('bar', 'kg m-1 s-2', 1e5, 'bars'),
  ...unit('mbar', 'kg m-1 s-2', 100, 'millibar millibars'),
  ...unit('atm', 'kg m-1 s-2', 101_325, 'atmosphere atmospheres'),
  ...unit('mmhg', 'kg m-1 s-2', 133.322, ''),
  ...unit('psi', 'kg m-1 s-2', 6_894.757, ''),
  ...unit(
    'ml',
    'm3',
    1e-6,
    'millilitre millilitres milliliter milliliters mililitro mililitros millilitro millilitri',
  ),
  ...unit('cl', 'm3', 1e-5, 'centilitre centilitres'),
  ...unit('dl', 'm3', 1e-4, 'decilitre decilitres'),
  ...unit('l', 'm3', 1e-3, 'litre litres liter liters litro litros litri'),
  // US kitchen measures.
  ...unit('tbsp', 'm3', 14.786_765e-6, 'tbs tablespoon tablespoons'),
  ...unit('tsp', 'm3', 4.928_922e-6, 'teaspoon teaspoons'),
  ...unit('cup', 'm3', 236.588_2e-6, 'cups'),
  ...unit('bpm', 'count s-1', 1 / 60, ''),
  // Speeds as one word; "km/h" and "metres per second" are read as a length per a time.
  ...unit('kph', 'm s-1', 1e3 / 3_600, 'kmh kmph'),
  ...unit('mph', 'm s-1', 1_609.344 / 3_600, ''),
  ...unit('knot', 'm s-1', 1_852 / 3_600, 'knots kn'),
  ...unit('beat', 'count', 1, 'beats'),
  // Money is read in its own currency: "$50" is "50 dollars", never "50 euros".
  ...unit('usd', 'usd', 1, 'dollar dollars dolar dolares'),
  ...unit('eur', 'eur', 1, 'euro euros'),
  ...unit('gbp', 'gbp', 1, 'sterling'),
  ...unit('p', 'gbp', 0.01, 'pence penny pennies'),
  ...unit('jpy', 'jpy', 1, 'yen'),
  ...unit('js', 'kg m2 s-1', 1, 'joule-second'),
  ...unit('mol', 'mol', 1, 'mole moles'),
  ...unit('n', 'kg m s-2', 1, 'newton newtons'),
  ...unit('coulomb', 's A', 1, 'coulombs'),
  // Lowercase, "mpa" is the megapascal as "mb" is the megabyte: no one writes millipascals.
  ...unit('mpa', 'kg m-1 s-2', 1e6, ''),
  ...unit('gpa', 'kg m-1 s-2', 1e9, ''),
  ...unit('ly', 'm', 9.460_730_472_580_8e15, 'lightyear lightyears'),
  ...unit('pc', 'm', 3.085_677_581e16, 'parsec parsecs'),
  ...unit('permille', 'ratio', 0.001, 'promille'),
]);

// The same units in words of the other languages decks use, and in Japanese, Chinese and Russian.
const MORE_SPELLINGS: readonly (readonly [symbol: string, spellings: string])[] = [
  ['mi', 'miglio miglia milla millas milha milhas meile meilen'],
  ['m', 'メートル 米 метр метра метров'],
  ['km', 'キロメートル 公里 千米 километр километра километров'],
  ['cm', 'センチメートル 厘米'],
  ['g', 'グラム 克'],
  ['kg', 'キログラム 千克 公斤'],
  ['mg', 'ミリグラム 毫克'],
  ['s', '秒'],
  ['l', 'リットル 升'],
  ['c', '摂氏 摄氏度'],
];

const UNITS: ReadonlyMap<string, Unit> = new Map([
  ...SPELLED_UNITS,
  ...MORE_SPELLINGS.flatMap(([symbol, spellings]) => {
    const unit = SPELLED_UNITS.get(symbol);
    return unit ? spellings.split(' ').map((spelling): [string, Unit] => [spelling, unit]) : [];
  }),
]);

// Light-years and the like written in two words, after hyphens fold to spaces.
const TWO_WORD_UNITS: ReadonlyMap<string, string> = new Map([
  ['light year', 'ly'],
  ['light years', 'ly'],
  ['ano luz', 'ly'],
  ['anos luz', 'ly'],
  ['annee lumiere', 'ly'],
  ['annees lumiere', 'ly'],
  ['anno luce', 'ly'],
  ['anni luce', 'ly'],
  ['per mille', 'permille'],
  ['per mil', 'permille'],
  ['pour mille', 'permille'],
  ['por mil', 'permille'],
]);

// SI prefixes spelled out: "gigapascals", "kilohertz", "microgrammes" are the base unit times the prefix.
const SPELLED_PREFIXES: ReadonlyMap<string, number> = new Map([
  ['nano', 1e-9],
  ['micro', 1e-6],
  ['milli', 1e-3],
  ['centi', 1e-2],
  ['deci', 1e-1],
  ['hecto', 1e2],
  ['kilo', 1e3],
  ['mega', 1e6],
  ['giga', 1e9],
  ['tera', 1e12],
]);
// A spelled base this long at least: "kilo" + "s" is not a kilosecond.
const SHORTEST_SPELLED_BASE = 4;

function prefixed(word: string): Unit | undefined {
  for (const [prefix, factor] of SPELLED_PREFIXES) {
    if (!word.startsWith(prefix) || word.length - prefix.length < SHORTEST_SPELLED_BASE) continue;
    const base = UNITS.get(word.slice(prefix.length));
    if (base && !base.offset)
      return {
        ...base,
        symbol: word,
        factor: base.factor * factor,
        binaryFactor: base.binaryFactor * factor,
      };
  }
  return undefined;
}

function named(word: string): Unit | undefined {
  return UNITS.get(word) ?? prefixed(word);
}

/** "Degrees" in the six languages decks use. */
export const DEGREES: ReadonlySet<string> = new Set([
  'degree',
  'degrees',
  'deg',
  'grado',
  'grados',
  'degre',
  'degres',
  'grad',
  'gradi',
  'graus',
  'grau',
]);
const PER_CENT = new Set(['per cent', 'por ciento', 'pour cent']);
// "square metres", "sq km" before the unit; "kilometres carrés", "metros cuadrados" after it.
const SQUARE_BEFORE = new Set(['square', 'sq']);
const SQUARE_AFTER = new Set(['carre', 'carres', 'cuadrado', 'cuadrados', 'squared']);
const PER = new Set(['/', 'per', 'por', 'par', 'pro', 'al']);
const SQUARED = new Set(['2', 'squared']);

/** `a` times `b` to the power `exponent`: "J" and "kg" to -1 make "J/kg". Offsets drop: a degree is then a step. */
function times(a: Unit, b: Unit, exponent: number): Unit {
  return {
    symbol: `${a.symbol}.${b.symbol}${exponent}`,
    dimension: combined(a.dimension, b.dimension, exponent),
    factor: a.factor * b.factor ** exponent,
    binaryFactor: a.binaryFactor * b.binaryFactor ** exponent,
  };
}

const DIMENSIONLESS: Unit = { symbol: '', dimension: '', factor: 1, binaryFactor: 1 };

function power(base: Unit, exponent: number): Unit {
  return { ...times(DIMENSIONLESS, base, exponent), symbol: `${base.symbol}${exponent}` };
}

function readSimpleUnit(words: readonly string[], index: number): { unit: Unit; next: number } | undefined {
  const word = words[index];
  if (word === undefined) return undefined;
  const pair = `${word} ${words[index + 1]}`;
  if (PER_CENT.has(pair)) {
    const percent = UNITS.get('percent');
    return percent && { unit: percent, next: index + 2 };
  }
  const twoWords = UNITS.get(TWO_WORD_UNITS.get(pair) ?? '');
  if (twoWords) return { unit: twoWords, next: index + 2 };
  if (DEGREES.has(word)) {
    const scale = named(words[index + 1] ?? '');
    if (scale?.dimension === TEMPERATURE) return { unit: scale, next: index + 2 };
  }
  // "s2" is what "s²" folds to, "m3" what "m³" does.
  const powered = /^([a-z]+)([23])$/.exec(word);
  const base = powered?.[1] === undefined ? undefined : named(powered[1]);
  if (base) return { unit: power(base, Number(powered?.[2])), next: index + 1 };
  const after = named(words[index + 1] ?? '');
  if (SQUARE_BEFORE.has(word) && after?.dimension === LENGTH)
    return { unit: power(after, 2), next: index + 2 };
  const found = named(word);
  if (found?.dimension === LENGTH && SQUARE_AFTER.has(words[index + 1] ?? ''))
    return { unit: power(found, 2), next: index + 2 };
  return found && { unit: found, next: index + 1 };
}

// "J s" and "J·s" (folded to two words) are the joule-second.
function product(
  words: readonly string[],
  first: { unit: Unit; next: number },
): { unit: Unit; next: number } {
  const following = words[first.next];
  const joined = following === undefined ? undefined : UNITS.get(`${first.unit.symbol}${following}`);
  return joined ? { unit: joined, next: first.next + 1 } : first;
}

// A unit of one letter beside another is more often a word ("g a day", "a bit": "a" is no ampere) unless it divides
// or carries a power ("J kg-1", "m s-2").
const SHORTEST_JUXTAPOSED = 2;

function isWordBeside(first: string, next: string): boolean {
  return next.length < SHORTEST_JUXTAPOSED || (first.length < SHORTEST_JUXTAPOSED && /^\p{L}+$/u.test(next));
}

/**
 * The unit spelled from `index` ("ms", "per cent", "km/s", "metres per second squared", "J/(kg·K)",
 * "J kg⁻¹ K⁻¹", "N·m²/kg²"), and the index after it. After a "per" or "/", units side by side stay below it:
 * "J/(kg K)" and "joules per kilogram kelvin" are one unit.
 */
export function readUnit(words: readonly string[], index: number): { unit: Unit; next: number } | undefined {
  // "per mol" alone ("6.022e23 per mol"): the unit to the power minus one.
  const inverse =
    PER.has(words[index] ?? '') && words[index] !== '/' ? readSimpleUnit(words, index + 1) : undefined;
  const simple = inverse
    ? { unit: power(inverse.unit, -1), next: inverse.next }
    : readSimpleUnit(words, index);
  if (!simple) return undefined;
  let { unit, next } = product(words, simple);
  let exponent = inverse ? -1 : 1;
  for (;;) {
    const dividing = PER.has(words[next] ?? '');
    const at = dividing ? next + 1 : next;
    const part = readSimpleUnit(words, at);
    if (!part) break;
    if (!dividing && exponent === 1 && isWordBeside(words[index] ?? '', words[at] ?? '')) break;
    if (dividing) exponent = -1;
    const squared = exponent < 0 && SQUARED.has(words[part.next] ?? '');
    unit = times(unit, part.unit, squared ? 2 * exponent : exponent);
    next = part.next + (squared ? 1 : 0);
  }
  return { unit, next };
}

export function isUnit(word: string): boolean {
  return named(word) !== undefined;
}

/** The unit a word names on its own ("bits", "seconds"), if any. */
export function unitNamed(word: string): Unit | undefined {
  return named(word);
}

/** The unit `words` spell when they spell one unit and nothing more ("j / kg k"), else undefined. */
function wholeUnit(words: readonly string[]): Unit | undefined {
  const read = readUnit(words, 0);
  return read && read.next === words.length ? read.unit : undefined;
}

// A scale's zero counts too: a kelvin is a degree Celsius in size, yet "K" is no name for "°C". Units multiplied
// together have no zero of their own ("J/(kg·K)" is "J/(kg·°C)").
function sameSize(a: Unit, b: Unit): boolean {
  return (
    a.dimension === b.dimension &&
    Math.abs(a.factor - b.factor) <= 1e-9 * Math.max(a.factor, b.factor) &&
    (a.offset ?? 0) === (b.offset ?? 0)
  );
}

/**
 * An answer that is a unit alone, to a card whose answer is one (folded words): right when it measures the
 * same thing at the same size from the same zero ("J kg⁻¹ K⁻¹", "joules per kilogram kelvin" for "J/(kg·K)"),
 * wrong when it is another unit; undefined when either is not a unit alone.
 */
export function compareUnits(
  answer: readonly string[],
  forms: readonly (readonly string[])[],
): boolean | undefined {
  const typed = wholeUnit(answer);
  if (!typed) return undefined;
  const units = forms.map(wholeUnit).filter((unit) => unit !== undefined);
  return units.length === 0 ? undefined : units.some((unit) => sameSize(unit, typed));
}

/** Every spelling of a unit, a spelled prefix or a word of a two-word unit: what a slip in a unit's name is near. */
export function unitSpellings(): readonly string[] {
  return [...UNITS.keys(), ...[...TWO_WORD_UNITS.keys()].flatMap((pair) => pair.split(' '))];
}

/** The spelled SI prefixes ("kilo", "giga"): "gigapscals" is "giga" and a slip in "pascals". */
export function spelledPrefixes(): readonly string[] {
  return [...SPELLED_PREFIXES.keys()];
}
