import { describe, expect, it } from 'vitest';
import { runInProcess, runMnemo } from '../support/cli.ts';

/**
 * Runs `mnemo grade` on the lines and reads one JSON object per output line; the command must exit 0.
 * `spawned` runs it as a person does, once in this file; otherwise it runs in process.
 */
async function gradeLines(input: string, spawned = false): Promise<Record<string, unknown>[]> {
  const run = await (spawned ? runMnemo : runInProcess)(['grade'], { input: `${input}\n` });
  expect(run.code).toBe(0);
  return run.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
describe('mnemo grade', () => {
  it('GIVEN JSON lines THEN one verdict line per input line, in order, and bad lines get an error', async () => {
    const input = [
      JSON.stringify({ expected: 'container', answer: 'Container' }),
      JSON.stringify({ expected: 'Global Interpreter Lock', accept: ['GIL'], answer: 'gil' }),
      'not json',
      '',
      JSON.stringify({ expected: 'kubelet', answer: 'kublet' }),
      JSON.stringify({ expected: 'container' }),
      JSON.stringify({ expected: 'inbound', answer: 'outbound' }),
      JSON.stringify({ expected: 'container', answer: 'container', ms: 900 }),
    ].join('\n');
    expect(await gradeLines(input, true)).toEqual([
      { verdict: 'correct', rating: 3 },
      { verdict: 'correct', rating: 3 },
      { error: 'line 3: not valid JSON' },
      { error: 'line 4: empty line' },
      { verdict: 'close', rating: 2 },
      { error: 'line 6: "answer" Invalid input: expected string, received undefined' },
      { verdict: 'wrong', rating: 1 },
      { verdict: 'correct', rating: 4 },
    ]);
  });

  it('GIVEN the optional question and lang fields THEN the grader uses them, and lines without them still work', async () => {
    const input = [
      JSON.stringify({ expected: 'pelo', answer: 'polo', lang: 'es' }),
      JSON.stringify({ expected: 'pelo', answer: 'pleo', lang: 'es' }),
      JSON.stringify({
        expected: 'Charles Darwin',
        answer: 'Darwin',
        question: 'Who proposed natural selection?',
      }),
      JSON.stringify({ expected: 'body mass index', answer: 'BMI', question: 'What does BMI stand for?' }),
      JSON.stringify({ expected: 'bicycle', answer: 'bike' }),
    ].join('\n');
    expect((await gradeLines(input)).map((line) => line.verdict)).toEqual([
      'wrong',
      'close',
      'correct',
      'wrong',
      'correct',
    ]);
  });
});
