import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('numbers are compared as numbers', () => {
  it.each([
    ['64', 'sixty-four'],
    ['64', 'sixty four'],
    ['64', 'sixtyfour'],
    ['10000', '10,000'],
    ['10,000', '10 000'],
    ['10,000', 'ten thousand'],
    ['10,000', '10k'],
    ['1,000,000', '1 million'],
    ['1,000,000', 'one million'],
    ['1,000,000', '10^6'],
    ['1500', '1.5k'],
    ['1500', 'fifteen hundred'],
    ['250', 'two hundred and fifty'],
    ['type 1', 'type one'],
    ['type 2', 'type II'],
    ['first normal form', '1st normal form'],
    ['2375', '2,375'],
  ])('GIVEN "%s" and the answer "%s" THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it.each([
    ['10 milliseconds', '10 ms'],
    ['100 ms', '0.1 seconds'],
    ['2 hours', '2 h'],
    ['2 hours', '2 hrs'],
    ['2 hours', '120 min'],
    ['30 seconds', '30s'],
    ['30 seconds', '30 sec'],
    ['16 MB', '16 megabytes'],
    ['1 GB', '1 gigabyte'],
    ['1 GiB', '1024 MiB'],
    ['1500', '1500 bytes'],
    ['30 seconds', '30'],
  ])('GIVEN "%s" and the answer "%s" THEN units agree', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it.each([
    ['75%', '75 percent'],
    ['75%', '75 per cent'],
    ['75%', '0.75'],
    ['75%', '75'],
    ['0.75', '75%'],
  ])('GIVEN "%s" and the answer "%s" THEN percent forms agree', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it.each([
    ['64', '65'],
    ['64', '640'],
    ['64', '6.4'],
    ['2375', '2376'],
    ['2375', '2357'],
    ['10 ms', '10 s'],
    ['16 MB', '16 GB'],
    ['2 hours', '2 minutes'],
    ['75%', '7.5%'],
    ['75%', '0.075'],
    ['type 1', 'type 2'],
  ])(
    'GIVEN "%s" and the answer "%s" THEN wrong, as a number never gets typo tolerance',
    (expected, answer) => {
      expect(verdictOf(expected, answer)).toBe('wrong');
    },
  );

  it('GIVEN a number and a different dimension of the same amount THEN wrong', () => {
    expect(verdictOf('16 MB', '16 seconds')).toBe('wrong');
  });

  it('GIVEN an IP address one digit off THEN wrong', () => {
    expect(verdictOf('127.0.0.1', '127.0.0.0')).toBe('wrong');
  });

  it('GIVEN a decimal comma THEN it is the decimal point; a group of three is still thousands', () => {
    expect(verdictOf('2.5', '2,5')).toBe('correct');
    expect(verdictOf('9.81', '9,81')).toBe('correct');
    expect(verdictOf('2.5', '2,6')).toBe('wrong');
    expect(verdictOf('2500', '2,500')).toBe('correct');
  });
});
