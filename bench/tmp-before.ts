import { openBenchDatabase } from './database.ts';
import { memoryModelSuite } from './memory-model.ts';
import { FULL_SIZES } from './options.ts';
const db = await openBenchDatabase(process.env.DATABASE_URL || undefined);
const sample = Number(process.argv[2] ?? 1);
const results = await memoryModelSuite(db, { ...FULL_SIZES, simulationSampleLearners: sample }, (l) => console.error(l));
console.log(JSON.stringify(results));
await db.close();
