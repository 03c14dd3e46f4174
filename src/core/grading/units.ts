export type Dimension = 'time' | 'data' | 'ratio' | 'rate' | 'frequency';

export interface Unit {
  readonly symbol: string;
  readonly dimension: Dimension;
  /** Size of one unit in the dimension's base: seconds, bits, a whole (1.0), bits per second, hertz. */
  readonly factor: number;
  /** The size when read in powers of two, as people often mean "MB" and "GB" ("512 MB" is "0.5 GB"). */
  readonly binaryFactor: number;
}

function unit(
  symbol: string,
  dimension: Dimension,
  factor: number,
  spellings: string,
  binaryFactor = factor,
): [string, Unit][] {
  const value = { symbol, dimension, factor, binaryFactor };
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
]);

/** The unit spelled by the word at `index` (or by "per cent"), and the index after it. */
export function readUnit(words: readonly string[], index: number): { unit: Unit; next: number } | undefined {
  const word = words[index];
  if (word === undefined) return undefined;
  if (word === 'per' && words[index + 1] === 'cent') {
    const percent = UNITS.get('percent');
    return percent && { unit: percent, next: index + 2 };
  }
  const found = UNITS.get(word);
  return found && { unit: found, next: index + 1 };
}

export function isUnit(word: string): boolean {
  return UNITS.has(word);
}
