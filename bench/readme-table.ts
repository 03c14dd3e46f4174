/**
 * The README's results table from two `npm run bench -- --json` runs, PostgreSQL beside PGlite:
 *   npx tsx bench/readme-table.ts postgres.json pglite.json
 * With one file (a suite run on PostgreSQL only, such as http_interactions), the PostgreSQL columns alone.
 */
import { readFile } from 'node:fs/promises';
import { formatNumber, type Result } from './report.ts';

interface Run {
  results: Result[];
}

const [postgresFile, pgliteFile] = process.argv.slice(2);
if (!postgresFile) {
  process.stderr.write('usage: npx tsx bench/readme-table.ts postgres.json [pglite.json]\n');
  process.exit(2);
}
const read = async (file: string | undefined) =>
  file === undefined ? null : (JSON.parse(await readFile(file, 'utf8')) as Run).results;
const [onPostgresRun, pglite] = await Promise.all([read(postgresFile), read(pgliteFile)]);
const postgres = onPostgresRun ?? [];

const cells = (result: Result | undefined) => [
  result ? formatNumber(result.value) : '',
  result?.baseline === undefined ? '' : formatNumber(result.baseline),
  result?.ratio === undefined ? '' : `${result.ratio.toFixed(2)}×`,
];
const names = [...new Set([...postgres, ...(pglite ?? [])].map((result) => result.name))];
const lines = [
  pglite
    ? '| name | unit | PostgreSQL | PG floor | PG ratio | PGlite | PGlite floor | PGlite ratio |'
    : '| name | unit | PostgreSQL | PG floor | PG ratio |',
  pglite ? '|---|---|---:|---:|---:|---:|---:|---:|' : '|---|---|---:|---:|---:|',
  ...names.map((name) => {
    const onPostgres = postgres.find((result) => result.name === name);
    const onPglite = pglite?.find((result) => result.name === name);
    const unit = onPostgres?.unit ?? onPglite?.unit ?? '';
    const row = pglite ? [...cells(onPostgres), ...cells(onPglite)] : cells(onPostgres);
    return `| ${name} | ${unit} | ${row.join(' | ')} |`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
