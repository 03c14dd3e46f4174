import { describe, expect, it } from 'vitest';
import { SIGNATURE_DEFAULTS, timestampProblem } from '../../src/http/signed-request.ts';

const NOW = new Date('2026-11-28T12:00:00Z');
const seconds = String(NOW.getTime() / 1_000);

describe('timestampProblem', () => {
  it('GIVEN the current time in seconds THEN there is no problem', () => {
    expect(timestampProblem(seconds, NOW, SIGNATURE_DEFAULTS.toleranceMs)).toBeNull();
  });

  it.each(['', 'abc', '1e10', '-1', '1764331200.5', 'Infinity'])(
    'GIVEN the timestamp %j, which is no number of seconds THEN it is refused as stale',
    (timestamp) => {
      expect(timestampProblem(timestamp, NOW, SIGNATURE_DEFAULTS.toleranceMs)).toEqual({
        ok: false,
        reason: 'stale',
      });
    },
  );
});
