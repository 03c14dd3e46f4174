import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('typos make an answer close, never correct', () => {
  it.each([
    ['container', 'contianer'],
    ['container', 'containr'],
    ['kubelet', 'kublet'],
    ['etcd', 'etdc'],
    ['hypervisor', 'hypervsior'],
    ['paravirtualization', 'paravirtualizaton'],
    ['Global Interpreter Lock', 'global interpretor lock'],
    ['primary key', 'primay key'],
    ['ClusterIP', 'clustre ip'],
    ['gRPC', 'gprc'],
  ])('GIVEN "%s" and the typo "%s" THEN close', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('close');
  });

  it('GIVEN a typo in each of two long words THEN close, as tolerance counts per word', () => {
    expect(verdictOf('persistent volume claim', 'persistant volme claim')).toBe('close');
  });

  it('GIVEN two swaps of neighbouring letters in a 9-letter word THEN close, as each swap is one edit', () => {
    expect(verdictOf('container', 'cnotainre')).toBe('close');
  });

  it('GIVEN three edits in a 9-letter word THEN wrong, as tolerance grows with length', () => {
    expect(verdictOf('container', 'cnteinerx')).toBe('wrong');
  });

  it('GIVEN three edits in a 13-letter word THEN close', () => {
    expect(verdictOf('normalization', 'nromalizaton')).toBe('close');
  });

  it.each([
    ['TCP', 'TPC'],
    ['UDP', 'UPD'],
    ['pip', 'pop'],
    ['KVM', 'KMV'],
    ['primary key', 'primary kye'],
    ['API gateway', 'AIP gateway'],
    ['node', 'nod'],
  ])(
    'GIVEN "%s" and "%s" THEN wrong, as tokens of 3 characters or fewer tolerate no typo',
    (expected, answer) => {
      expect(verdictOf(expected, answer)).toBe('wrong');
    },
  );
});
