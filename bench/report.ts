import { cpus, totalmem } from 'node:os';

/** One measured number. `ratio` is Mnemo's speed as a share of the floor's: higher is better, 1 is as fast. */
export interface Result {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  database: string;
}

/**
 * A result, with the floor's number when there is one. `better` says which way is faster, so that the
 * ratio always reads the same: Mnemo's throughput over the floor's, or the floor's time over Mnemo's.
 */
export function result(
  name: string,
  value: number,
  unit: string,
  floor?: { baseline: number; better: 'higher' | 'lower' },
): Result {
  const out: Result = { name, value: round(value), unit };
  if (!floor) return out;
  out.baseline = round(floor.baseline);
  if (floor.baseline > 0 && value > 0) {
    out.ratio = round(floor.better === 'higher' ? value / floor.baseline : floor.baseline / value);
  }
  return out;
}

/** Three significant digits, at most three decimals: enough for numbers that move run to run. */
function round(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  const digits = Math.max(0, Math.min(3, 2 - Math.floor(Math.log10(Math.abs(value)))));
  return Number(value.toFixed(digits));
}

export function machine(database: string): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Number((totalmem() / 1_073_741_824).toFixed(1)),
    node: process.version,
    os: `${process.platform} ${process.arch}`,
    database,
  };
}

export function describeMachine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node.replace(/^v/, '')} on ${m.os}`;
}

const COLUMNS = ['name', 'value', 'unit', 'baseline', 'ratio'] as const;

/** A plain-text table: name | value | unit | baseline | ratio. */
export function table(results: readonly Result[]): string {
  const rows = results.map((r) => [
    r.name,
    formatNumber(r.value),
    r.unit,
    r.baseline === undefined ? '' : formatNumber(r.baseline),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = COLUMNS.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === 0 || i === 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(COLUMNS), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The same table as Markdown, for the README. */
export function markdownTable(results: readonly Result[]): string {
  const rows = results.map(
    (r) =>
      `| ${r.name} | ${formatNumber(r.value)} | ${r.unit} | ${r.baseline === undefined ? '' : formatNumber(r.baseline)} | ${r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`} |`,
  );
  return ['| name | value | unit | baseline | ratio |', '|---|---:|---|---:|---:|', ...rows].join('\n');
}

export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 3 });
}
