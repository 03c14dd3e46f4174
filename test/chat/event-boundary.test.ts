import { describe, expect, it } from 'vitest';
import { handleEvent } from '../../src/chat/event-boundary.ts';
import type { InboundEvents } from '../../src/core/quiz/inbound.ts';
import { TestClock } from '../support/fixtures.ts';

/** Claims in memory, as one replica's database would keep them. */
function inboundEvents(): InboundEvents {
  const done = new Set<string>();
  return {
    claim: async (platform, id) => !done.has(`${platform}:${id}`),
    complete: async (platform, id) => void done.add(`${platform}:${id}`),
  };
}

function world() {
  const lines: { level: string; message: string; fields: Record<string, unknown> }[] = [];
  const log = {
    info: (fields: object, message: string) => lines.push({ level: 'info', message, fields: { ...fields } }),
    error: (fields: object, message: string) =>
      lines.push({ level: 'error', message, fields: { ...fields } }),
  };
  const apologies: string[] = [];
  const deps = { log, inboundEvents: inboundEvents(), clock: new TestClock('2026-11-29T00:00:00Z') };
  const event = (onceId?: string) => ({
    platform: 'chat',
    context: () => ({ tenant: 'chat:T1', command: 'quiz' }),
    onceId,
    apologise: async () => void apologies.push('sorry'),
  });
  return { lines, apologies, deps, event };
}

describe('handleEvent', () => {
  it('GIVEN work that throws THEN the cause is logged once with the context, and one apology goes out', async () => {
    const { lines, apologies, deps, event } = world();
    await handleEvent(deps, event(), async () => {
      throw new Error('boom');
    });
    expect(lines.map((line) => [line.level, line.message])).toEqual([['error', 'chat interaction failed']]);
    expect(lines[0]?.fields).toMatchObject({ tenant: 'chat:T1', command: 'quiz', err: expect.any(Error) });
    expect(apologies).toEqual(['sorry']);
  });

  it('GIVEN an apology that fails too THEN nothing is thrown to the platform', async () => {
    const { deps, event } = world();
    const failing = { ...event(), apologise: () => Promise.reject(new Error('down')) };
    await expect(
      handleEvent(deps, failing, () => Promise.reject(new Error('boom'))),
    ).resolves.toBeUndefined();
  });

  it('GIVEN an event id delivered twice THEN the work runs once, and the retry is logged as skipped', async () => {
    const { lines, deps, event } = world();
    let runs = 0;
    const work = async () => {
      runs += 1;
    };
    await handleEvent(deps, event('Ev1'), work);
    await handleEvent(deps, event('Ev1'), work);
    expect(runs).toBe(1);
    expect(lines.map((line) => line.message)).toEqual([
      'chat interaction',
      'chat event already handled; retry skipped',
      'chat interaction',
    ]);
  });
});
