import { describe, expect, it } from 'vitest';
import { runMnemo } from '../support/cli.ts';

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
    const run = await runMnemo(['grade'], { input: `${input}\n` });
    expect(run.code).toBe(0);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
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
});
