import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

describe('command lines', () => {
  it('GIVEN bundled flags in another order, split, or in long form THEN it is correct', () => {
    expect(verdictOf('tar -xzf', 'tar -zxf')).toBe('correct');
    expect(verdictOf('tar -xzf', 'tar -x -z -f')).toBe('correct');
    expect(verdictOf('tar -xzf', 'tar --extract --gzip --file')).toBe('correct');
    expect(verdictOf('rm -rf', 'rm -fr')).toBe('correct');
    expect(verdictOf('ls --all', 'ls -a')).toBe('correct');
  });

  it('GIVEN every flag of the card and more, or an argument THEN it is correct', () => {
    expect(verdictOf('git branch -d', 'git branch -d feature')).toBe('correct');
    expect(verdictOf('ls -l', 'ls -la')).toBe('correct');
    expect(verdictOf('git push --force', 'git push --force --verbose')).toBe('correct');
  });

  it('GIVEN a missing flag, another flag or another command THEN it is not correct', () => {
    expect(verdictOf('tar -xzf', 'tar -czf')).not.toBe('correct');
    expect(verdictOf('ls -l', 'ls -a')).not.toBe('correct');
    expect(verdictOf('git push --force', 'git pull --force')).not.toBe('correct');
    expect(verdictOf('git merge', 'git merge --abort')).not.toBe('correct');
  });
});
