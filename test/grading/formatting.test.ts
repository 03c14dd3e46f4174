import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('formatting a careful marker ignores', () => {
  it.each([
    ['Container', 'container'],
    ['CONTAINER', 'container'],
    ['container', 'Container!'],
    ['container', '"container".'],
    ['docker compose', '  docker    compose  '],
    ['São Paulo', 'Sao Paulo'],
    ['Django', 'Djàngo'],
    ['naïve', 'naive'],
    ['Straße', 'strasse'],
    ['container', 'a container'],
    ['image', 'an image'],
    ['Global Interpreter Lock', 'the global interpreter lock'],
    ['The GIL', 'GIL'],
    ['C++', 'c++'],
    ['C#', 'c#'],
  ])('GIVEN "%s" and the answer "%s" THEN correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it.each([
    ['email', 'e-mail'],
    ['email', 'e mail'],
    ['e-mail', 'email'],
    ['e mail', 'e-mail'],
    ['Dockerfile', 'docker file'],
    ['docker compose', 'docker-compose'],
    ['docker-compose', 'dockercompose'],
    ['ReplicaSet', 'replica set'],
    ['round robin', 'round-robin'],
    ['many-to-many', 'many to many'],
  ])('GIVEN "%s" and the answer "%s" THEN hyphen, space and joined forms are correct', (expected, answer) => {
    expect(verdictOf(expected, answer)).toBe('correct');
  });

  it('GIVEN "C" for "C++" THEN wrong, as the plus signs name another language', () => {
    expect(verdictOf('C++', 'C')).toBe('wrong');
  });
});
