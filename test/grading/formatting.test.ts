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

  it('GIVEN a file path THEN it is one name, not a list of its folders', () => {
    expect(verdictOf('/etc/passwd', 'the /etc/passwd file')).toBe('correct');
    expect(verdictOf('~/.ssh/config', '~/.ssh/config')).toBe('correct');
    expect(verdictOf('/etc/passwd', '/etc/shadow')).toBe('wrong');
    expect(verdictOf('/etc/passwd', '/etc')).toBe('wrong');
    expect(verdictOf('/etc/passwd', 'passwd/etc')).toBe('wrong');
    expect(verdictOf('TCP/UDP', 'UDP/TCP')).toBe('correct');
  });

  it('GIVEN "C" for "C++" THEN wrong, as the plus signs name another language', () => {
    expect(verdictOf('C++', 'C')).toBe('wrong');
  });
});
