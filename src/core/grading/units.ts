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
  ...unit(
    's',
    'time',
    1,
    'sec secs second seconds sekunde sekunden segundo segundos seconde secondes secondo secondi',
  ),
  ...unit('min', 'time', 60, 'mins minute minutes minuten minuto minutos minuti'),
  ...unit('h', 'time', 3_600, 'hr hrs hour hours stunde stunden hora horas heure heures ora ore'),
  ...unit('d', 'time', 86_400, 'day days tage dia dias jour jours'),
  ...unit('wk', 'time', 604_800, 'week weeks woche wochen semana semanas semaine semaines'),
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
  ...unit('percent', 'ratio', 0.01, 'pct percents percentage prozent porcentaje pourcentage'),
  ...unit('bps', 'rate', 1, ''),
  ...unit('kbps', 'rate', 1e3, ''),
  ...unit('mbps', 'rate', 1e6, ''),
  ...unit('gbps', 'rate', 1e9, ''),
  ...unit('hz', 'frequency', 1, 'hertz'),
  ...unit('khz', 'frequency', 1e3, ''),
  ...unit('mhz', 'frequency', 1e6, ''),
  ...unit('ghz', 'frequency', 1e9, ''),
  ...unit('ug', 'mass', 1e-6, 'mcg microgram micrograms'),
  ...unit(
    'mg',
    'mass',
    1e-3,
    'milligram milligrams milligramme milligrammes miligramo miligramos milligrammo milligrammi miligrama miligramas',
  ),
  ...unit('g', 'mass', 1, 'gram grams gramme grammes gr gramm gramo gramos grammo grammi grama gramas'),
  ...unit(
    'kg',
    'mass',
    1e3,
    'kilogram kilograms kilo kilos kilogramme kilogrammes kilogramm kilogramo kilogramos',
  ),
  ...unit('tonne', 'mass', 1e6, 'tonnes ton tons'),
  ...unit('lb', 'mass', 453.592_37, 'lbs pound pounds'),
  ...unit('nm', 'length', 1e-9, 'nanometre nanometres nanometer nanometers'),
  ...unit('um', 'length', 1e-6, 'micrometre micrometres micrometer micrometers micron microns'),
  ...unit('mm', 'length', 1e-3, 'millimetre millimetres millimeter millimeters milimetro milimetros'),
  ...unit(
    'cm',
    'length',
    1e-2,
    'centimetre centimetres centimeter centimeters zentimeter centimetro centimetros',
  ),
  ...unit('m', 'length', 1, 'metre metres meter meters metro metros metri'),
  ...unit(
    'km',
    'length',
    1e3,
    'kilometre kilometres kilometer kilometers kms kilometro kilometros kilometri',
  ),
  // Never "in" alone: "1896 in Athens" is a year and a place.
  ...unit('inch', 'length', 0.0254, 'inches'),
  ...unit('ft', 'length', 0.3048, 'foot feet'),
  ...unit('yd', 'length', 0.9144, 'yard yards'),
  ...unit('mi', 'length', 1_609.344, 'mile miles'),
  ...unit('au', 'length', 149_597_870_700, 'astronomical'),
  ...unit('c', 'temperature', 1, 'celsius centigrade centigrado centigrados centigradi', 1, 273.15),
  ...unit('f', 'temperature', 5 / 9, 'fahrenheit', 5 / 9, 273.15 - (32 * 5) / 9),
  // "K" is the kelvin; a thousand glued to its number ("10k") is read before units are (splitNumberWord).
  ...unit('k', 'temperature', 1, 'kelvin kelvins'),
  ...unit('j', 'energy', 1, 'joule joules'),
  ...unit('kj', 'energy', 1e3, 'kilojoule kilojoules'),
  ...unit('cal', 'energy', 4.184, 'calorie calories'),
  ...unit('kcal', 'energy', 4_184, 'kilocalorie kilocalories'),
  ...unit('ev', 'energy', 1.602_176_634e-19, 'electronvolt electronvolts'),
  ...unit('w', 'power', 1, 'watt watts'),
  ...unit('kw', 'power', 1e3, 'kilowatt kilowatts'),
  ...unit('hp', 'power', 745.699_872, 'horsepower'),
  ...unit('v', 'voltage', 1, 'volt volts voltios'),
  ...unit('kv', 'voltage', 1e3, 'kilovolt kilovolts'),
  ...unit('a', 'current', 1, 'amp amps ampere amperes'),
  ...unit('ohm', 'resistance', 1, 'ohms'),
  ...unit('pa', 'pressure', 1, 'pascal pascals'),
  ...unit('hpa', 'pressure', 100, 'hectopascal hectopascals'),
  ...unit('kpa', 'pressure', 1e3, 'kilopascal kilopascals'),
  ...unit('bar', 'pressure', 1e5, 'bars'),
  ...unit('mbar', 'pressure', 100, 'millibar millibars'),
  ...unit('atm', 'pressure', 101_325, 'atmosphere atmospheres'),
  ...unit('mmhg', 'pressure', 133.322, ''),
  ...unit('psi', 'pressure', 6_894.757, ''),
  ...unit(
    'ml',
    'volume',
    1e-3,
    'millilitre millilitres milliliter milliliters mililitro mililitros millilitro millilitri',
  ),
  ...unit('cl', 'volume', 1e-2, 'centilitre centilitres'),
  ...unit('dl', 'volume', 1e-1, 'decilitre decilitres'),
  ...unit('l', 'volume', 1, 'litre litres liter liters litro litros litri'),
  ...unit('bpm', 'count/time', 1 / 60, ''),
  // Speeds as one word; "km/h" and "metres per second" are read as a length per a time.
  ...unit('kph', 'length/time', 1e3 / 3_600, 'kmh kmph'),
  ...unit('mph', 'length/time', 1_609.344 / 3_600, ''),
  ...unit('knot', 'length/time', 1_852 / 3_600, 'knots kn'),
  ...unit('beat', 'count', 1, 'beats'),
  // Money is read in its own currency: "$50" is "50 dollars", never "50 euros".
  ...unit('usd', 'usd', 1, 'dollar dollars dolar dolares'),
  ...unit('eur', 'eur', 1, 'euro euros'),
  ...unit('gbp', 'gbp', 1, 'sterling'),
  ...unit('p', 'gbp', 0.01, 'pence penny pennies'),
  ...unit('jpy', 'jpy', 1, 'yen'),
  ...unit('js', 'action', 1, 'joule-second'),
  ...unit('mol', 'amount', 1, 'mole moles'),
]);

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
  if (PER_CENT.has(`${word} ${words[index + 1]}`)) {
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
  if (base) return { unit: square(base), next: index + 1 };
  const after = UNITS.get(words[index + 1] ?? '');
  if (SQUARE_BEFORE.has(word) && after?.dimension === 'length')
    return { unit: square(after), next: index + 2 };
  const found = UNITS.get(word);
  if (found?.dimension === 'length' && SQUARE_AFTER.has(words[index + 1] ?? ''))
    return { unit: square(found), next: index + 2 };
  return found && { unit: found, next: index + 1 };
}

function square(base: Unit): Unit {
  return {
    symbol: `${base.symbol}2`,
    dimension: `${base.dimension}2`,
    factor: base.factor ** 2,
    binaryFactor: base.binaryFactor ** 2,
  };
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
  if (!second) return first;
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
