import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('inflections are the same answer', () => {
  it.each([
    ['index', 'indexes'],
    ['index', 'indices'],
    ['indexes', 'index'],
    ['cache', 'caching'],
    ['caching', 'cache'],
    ['cache', 'caches'],
    ['pod', 'pods'],
    ['policy', 'policies'],
    ['ingress', 'ingresses'],
    ['mutex', 'mutexes'],
    ['virtual machine', 'virtual machines'],
    ['upload', 'uploading'],
    ['shard', 'sharding'],
    ['load balancer', 'load balancing'],
    ['normalization', 'normalisation'],
    ['normalization', 'normalize'],
    ['synchronous', 'synchronously'],
    ['VM', 'VMs'],
  ])('GIVEN "%s" and the answer "%s" THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it('GIVEN "https" for "http" THEN wrong, as the final s is not a plural', () => {
    expect(verdictOf('http', 'https')).toBe('wrong');
  });

  it('GIVEN "image" clipped to "imag" THEN close, as a clipped word is a slip and not an inflection', () => {
    expect(verdictOf('image', 'imag')).toBe('close');
  });

  it('GIVEN "maping" for "mapping" THEN close, as the same ending misspelled is a slip', () => {
    expect(verdictOf('mapping', 'maping')).toBe('close');
  });
});
