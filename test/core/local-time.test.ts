import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextOccurrence, occurrence } from '../../src/core/delivery/local-time.ts';

const iso = (date: Date) => date.toISOString();

describe('occurrence', () => {
  it('GIVEN 09:00 in Europe/Berlin THEN it is 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(iso(occurrence('2026-01-15', '09:00', 'Europe/Berlin'))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(occurrence('2026-07-15', '09:00', 'Europe/Berlin'))).toBe('2026-07-15T07:00:00.000Z');
  });

  it('GIVEN a local time inside the spring-forward gap THEN it is the next valid minute', () => {
    // Berlin jumps from 02:00 to 03:00 on 2026-03-29: 02:30 does not exist; 03:00 CEST is 01:00 UTC.
    expect(iso(occurrence('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:00:00.000Z');
    // New York jumps from 02:00 to 03:00 on 2026-03-08.
    expect(iso(occurrence('2026-03-08', '02:15', 'America/New_York'))).toBe('2026-03-08T07:00:00.000Z');
  });

  it('GIVEN a local time that happens twice THEN it is the first occurrence', () => {
    // Berlin goes back from 03:00 to 02:00 on 2026-10-25: 02:30 CEST (00:30 UTC) comes first.
    expect(iso(occurrence('2026-10-25', '02:30', 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('GIVEN a half-hour DST zone THEN the gap is found to the minute', () => {
    // Lord Howe Island moves from +10:30 to +11:00 at 02:00 local on 2026-10-04.
    expect(iso(occurrence('2026-10-04', '02:10', 'Australia/Lord_Howe'))).toBe('2026-10-03T15:30:00.000Z');
  });

  it('GIVEN midnight in UTC+14 and UTC-12 THEN the instants are a whole day plus two hours apart', () => {
    expect(iso(occurrence('2026-06-01', '00:00', 'Pacific/Kiritimati'))).toBe('2026-05-31T10:00:00.000Z');
    expect(iso(occurrence('2026-06-01', '00:00', 'Etc/GMT+12'))).toBe('2026-06-01T12:00:00.000Z');
  });
});

describe('occurrence, every day of a year', () => {
  const zones = [
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Pacific/Kiritimati',
    'Asia/Kolkata',
    'America/Santiago',
    'Pacific/Chatham',
    'Etc/GMT+12',
    'UTC',
  ];
  const times = ['00:00', '01:59', '02:00', '02:30', '03:00', '09:15', '23:59'];

  it('GIVEN each zone, day and time THEN the instant reads back as that wall time, or is the first minute after a gap', () => {
    for (const zone of zones) {
      for (let day = 0; day < 366; day++) {
        const date = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
        for (const time of times) {
          const at = occurrence(date, time, zone);
          const local = DateTime.fromJSDate(at, { zone });
          const wanted = DateTime.fromISO(`${date}T${time}`, { zone: 'utc' });
          const read = DateTime.fromISO(local.toFormat("yyyy-MM-dd'T'HH:mm"), { zone: 'utc' });
          if (+read === +wanted) {
            // A wall time that happens twice is its first occurrence: an hour earlier does not read the same.
            const earlier = DateTime.fromJSDate(new Date(at.getTime() - 3_600_000), { zone });
            expect(earlier.toFormat('yyyy-MM-dd HH:mm')).not.toBe(`${date} ${time}`);
          } else {
            // In a gap: the instant is where the clocks jumped, just past the wall time, and a minute earlier
            // reads before it.
            expect(+read, `${zone} ${date} ${time}`).toBeGreaterThan(+wanted);
            const before = DateTime.fromJSDate(new Date(at.getTime() - 60_000), { zone });
            const readBefore = DateTime.fromISO(before.toFormat("yyyy-MM-dd'T'HH:mm"), { zone: 'utc' });
            expect(+readBefore, `${zone} ${date} ${time}`).toBeLessThan(+wanted);
          }
        }
      }
    }
  });
});

describe('nextOccurrence', () => {
  it('GIVEN the time has passed today THEN it is tomorrow, on the local date of the zone', () => {
    const from = new Date('2026-06-01T11:00:00Z'); // 23:00 in UTC+12 (Auckland winter)
    expect(nextOccurrence(from, '09:00', 'Pacific/Auckland')).toEqual({
      at: new Date('2026-06-01T21:00:00Z'),
      localDate: '2026-06-02',
    });
    expect(nextOccurrence(from, '23:30', 'Pacific/Auckland')).toEqual({
      at: new Date('2026-06-01T11:30:00Z'),
      localDate: '2026-06-01',
    });
  });
});
