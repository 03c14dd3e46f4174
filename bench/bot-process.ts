/**
 * A stand-in for the bot process, run as a child of the benchmark: it holds what the bot holds (Mnemo's
 * own connection and the parts buildBot makes, without a chat platform) and nothing of the benchmark's, answers the batch it reads on stdin, and
 * prints its RSS as one JSON line. Usage: tsx bench/bot-process.ts <postgres url> < batch.json
 */
import { text } from 'node:stream/consumers';
import { openDatabase } from '../src/db/client.ts';
import { benchBot } from './bot.ts';
import type { BotBatch, BotMemory } from './bot-memory.ts';
import { systemClock } from './clock.ts';
import { runConcurrently } from './load.ts';

const [url] = process.argv.slice(2);
if (!url) throw new Error('usage: tsx bench/bot-process.ts <postgres url> < batch.json');
const batch = JSON.parse(await text(process.stdin)) as BotBatch;
const connection = await openDatabase({ kind: 'postgres', url, poolSize: batch.poolSize });
try {
  const { quiz } = await benchBot(connection, systemClock);
  const run = await runConcurrently(batch.answers.length, batch.concurrency, async (i) => {
    const answer = batch.answers[i];
    if (!answer) return;
    const shown = await quiz.promptFor(batch.place, answer.person, answer.cardId);
    if (!shown.ok) throw new Error(`no prompt for ${answer.cardId}: ${shown.code}`);
    const outcome = await quiz.answer(shown.prompt.id, answer.person, { kind: 'typed', text: answer.text });
    if (!outcome.ok) throw new Error(`answer ${i} was not stored: ${outcome.code}`);
  });
  const memory: BotMemory = {
    rssBytes: process.memoryUsage.rss(),
    heapUsedBytes: process.memoryUsage().heapUsed,
    peakRssBytes: run.peakRssBytes,
  };
  process.stdout.write(`${JSON.stringify(memory)}\n`);
} finally {
  await connection.close();
}
