import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('lists match in any order with any separator', () => {
  it.each([
    'TCP and UDP',
    'UDP and TCP',
    'tcp, udp',
    'TCP/UDP',
    'TCP & UDP',
    'UDP + TCP',
    'TCP; UDP',
    'tcp udp',
  ])('GIVEN "%s" for "TCP, UDP" THEN correct', (answer) => {
    expect(verdictOf('TCP, UDP', answer)).toBe('correct');
  });

  it('GIVEN four items with an Oxford comma THEN correct', () => {
    expect(
      verdictOf(
        'Atomicity, Consistency, Isolation, Durability',
        'durability, isolation, consistency, and atomicity',
      ),
    ).toBe('correct');
  });

  it('GIVEN a list with a typo in one item THEN close', () => {
    expect(verdictOf('liveness and readiness', 'readiness and livenes')).toBe('close');
  });

  it('GIVEN a missing item THEN wrong', () => {
    expect(verdictOf('TCP, UDP', 'TCP')).toBe('wrong');
  });

  it('GIVEN an extra item THEN wrong', () => {
    expect(verdictOf('TCP, UDP', 'TCP, UDP, IP')).toBe('wrong');
  });

  it('GIVEN a wrong item THEN wrong', () => {
    expect(verdictOf('TCP, UDP', 'TCP, IP')).toBe('wrong');
  });

  it('GIVEN the same item twice for two items THEN wrong, as each item needs its own answer', () => {
    expect(verdictOf('TCP, UDP', 'TCP, TCP')).toBe('wrong');
  });

  it('GIVEN a single term for a single-term card THEN a list answer is wrong', () => {
    expect(verdictOf('TCP', 'TCP and UDP')).toBe('wrong');
  });

  it.each([
    ['Pros and cons', 'pros and cons'],
    ['Pros and cons', 'pros & cons'],
    ['TCP/IP', 'TCP/IP'],
    ['TCP/IP', 'tcp ip'],
    ['TCP/IP', 'TCPIP'],
    ['CI/CD', 'CI CD'],
    ['CI/CD', 'CICD'],
    ['CI/CD', 'continuous integration and continuous delivery'],
  ])('GIVEN the term "%s" that contains a separator and "%s" THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it.each([
    ['TCP/IP', 'TCP'],
    ['CI/CD', 'CI'],
    ['Pros and cons', 'pros'],
  ])('GIVEN the term "%s" and only part of it "%s" THEN wrong', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('wrong');
  });

  it('GIVEN ports as a list THEN numbers match as items', () => {
    expect(verdictOf('80 and 443', '443, 80')).toBe('correct');
  });
});
