/**
 * Before and after for the fixes the benchmark's misses point to, on the same data as `npm run bench`.
 * Nothing here changes src/: each fix is tried from bench/ (a subclass, a wrapper, an index made by hand)
 * so its effect can be weighed before it is made for real. PostgreSQL only (DATABASE_URL).
 *   npx tsx bench/proposals.ts [--quick] [--only=answer|fanout]
 */
import { openBenchDatabase } from './database.ts';
import { sizesFor } from './options.ts';
import { answerExperiment } from './proposals/answer-experiment.ts';
import { fanoutExperiment } from './proposals/fanout-experiment.ts';
import { log, type Row, render } from './proposals/rows.ts';

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    log('bench/proposals.ts runs on PostgreSQL: set DATABASE_URL');
    return 2;
  }
  const sizes = sizesFor(process.argv.includes('--quick'));
  const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const db = await openBenchDatabase(url);
  const rows: Row[] = [];
  try {
    if (only !== 'fanout') {
      rows.push(...(await answerExperiment(db, sizes.answerUsers, sizes.deckCards, sizes.cardsPerUser)));
    }
    if (only !== 'answer')
      rows.push(...(await fanoutExperiment(db, sizes.subscriptions, sizes.fanoutMinutes)));
  } finally {
    await db.close();
  }
  process.stdout.write(`${render(rows)}\n`);
  return 0;
}

process.exitCode = await main();
