import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('a different word is wrong, even one letter away', () => {
  it.each([
    ['inbound', 'outbound'],
    ['outbound', 'inbound'],
    ['import', 'export'],
    ['IPv4', 'IPv6'],
    ['async', 'sync'],
    ['synchronous', 'asynchronous'],
    ['upload', 'download'],
    ['mutex', 'mutes'],
    ['Flask', 'flash'],
    ['thread', 'threat'],
    ['node', 'mode'],
    ['port', 'post'],
    ['encryption', 'decryption'],
    ['increment', 'decrement'],
    ['internal', 'external'],
    ['serialize', 'deserialize'],
    ['stateful', 'stateless'],
    ['direct', 'redirect'],
    ['inbound', 'unbound'],
    ['http2', 'http3'],
    ['HTTP/2', 'HTTP/3'],
    ['ipv6', 'ipv66'],
    ['kubelet', 'kubectl'],
    ['containerd', 'containers'],
  ])('GIVEN "%s" and the answer "%s" THEN wrong', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('wrong');
  });

  it('GIVEN "Falcon" for "Falco" without a vocabulary THEN close, as it looks like a typo', () => {
    expect(verdictOf('Falco', 'Falcon')).toBe('close');
  });

  it('GIVEN "Falcon" for "Falco" and a deck whose vocabulary has "Falcon" THEN wrong', () => {
    expect(verdictOf('Falco', 'Falcon', { vocabulary: ['Falcon', 'Django'] })).toBe('wrong');
  });

  it('GIVEN a vocabulary that is a one-shot generator THEN it is read and still applies', () => {
    function* answers() {
      yield 'Falcon';
    }
    expect(verdictOf('Falco', 'Falcon', { vocabulary: answers() })).toBe('wrong');
  });

  it("GIVEN a vocabulary containing the card's own answer THEN a typo of it stays close", () => {
    expect(verdictOf('kubelet', 'kublet', { vocabulary: ['kubelet', 'kubectl'] })).toBe('close');
  });
});
