import { createInterface } from 'node:readline';
import { z } from 'zod';
import { grade } from '../core/grading/grade.ts';
import { loadLanguage } from '../languages/load.ts';
import { type CommandIo, print } from './io.ts';

const lineSchema = z.object({
  expected: z.string(),
  accept: z.array(z.string()).optional(),
  answer: z.string(),
  ms: z.number().nonnegative().optional(),
  /** The card's question: an answer that only repeats it is wrong, and "who" questions take a surname. */
  question: z.string().optional(),
  /** BCP 47 language of the card (default "en"): its dictionary, synonyms and dates are loaded on first use. */
  lang: z.string().min(2).optional(),
});

/** `mnemo grade`: one JSON object per input line in, one verdict (or error) per line out, in order. */
export async function gradeCommand(io: CommandIo): Promise<number> {
  const lines = createInterface({ input: io.stdin, terminal: false, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    print(io.stdout, JSON.stringify(await gradeLine(line, lineNumber)));
  }
  return 0;
}

async function gradeLine(line: string, lineNumber: number): Promise<object> {
  // Still a line out: a caller pairing outputs with inputs by position must not drift.
  if (line.trim() === '') return { error: `line ${lineNumber}: empty line` };
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: `line ${lineNumber}: not valid JSON` };
  }
  const parsed = lineSchema.safeParse(value);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const where = problem?.path.length ? `"${problem.path.join('.')}"` : 'the object';
    return { error: `line ${lineNumber}: ${where} ${problem?.message ?? 'is invalid'}` };
  }
  const { expected, accept, answer, ms, question, lang } = parsed.data;
  await loadLanguage(lang ?? 'en');
  const result = grade({
    expected,
    answer,
    ...(accept ? { accept } : {}),
    ...(ms === undefined ? {} : { ms }),
    ...(question === undefined ? {} : { question }),
    ...(lang === undefined ? {} : { lang }),
  });
  return { verdict: result.verdict, rating: result.rating };
}
