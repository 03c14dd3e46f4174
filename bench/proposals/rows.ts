/** One measured variant of one experiment. */
export interface Row {
  experiment: string;
  variant: string;
  value: number;
  unit: string;
  /** The floor's number, when the experiment has one. */
  floor?: number;
  better?: 'higher' | 'lower';
}

export const log = (line: string) => process.stderr.write(`${line}\n`);

/** A plain-text table: experiment | variant | value | unit | floor | ratio. */
export function render(rows: readonly Row[]): string {
  const cells = rows.map((row) => {
    const ratio =
      row.floor === undefined || row.better === undefined
        ? ''
        : `${(row.better === 'higher' ? row.value / row.floor : row.floor / row.value).toFixed(2)}×`;
    return [
      row.experiment,
      row.variant,
      format(row.value),
      row.unit,
      row.floor === undefined ? '' : format(row.floor),
      ratio,
    ];
  });
  const titles = ['experiment', 'variant', 'value', 'unit', 'floor', 'ratio'];
  const widths = titles.map((title, i) =>
    Math.max(title.length, ...cells.map((cell) => cell[i]?.length ?? 0)),
  );
  const line = (cell: readonly string[]) =>
    cell
      .map((text, i) => (i >= 2 && i !== 3 ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(titles), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

function format(value: number): string {
  return value.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}
