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

  it('GIVEN chmod with the same mode in octal or symbolic form THEN it is correct; another mode is not', () => {
    expect(verdictOf('chmod 755', 'chmod u=rwx,go=rx')).toBe('correct');
    expect(verdictOf('chmod 755', 'chmod 0755')).toBe('correct');
    expect(verdictOf('chmod 644 notes.txt', 'chmod u=rw,g=r,o=r notes.txt')).toBe('correct');
    expect(verdictOf('chmod 777', 'chmod a+rwx')).toBe('correct');
    expect(verdictOf('chmod 755', 'chmod u=rwx,go=r')).toBe('wrong');
    expect(verdictOf('chmod 755', 'chmod 775')).toBe('wrong');
    expect(verdictOf('chmod 644 notes.txt', 'chmod 644 other.txt')).toBe('wrong');
  });

  it('GIVEN a signal by number, name, SIG name or -s THEN it is the same kill; another signal or process is not', () => {
    for (const same of [
      'kill -KILL 1234',
      'kill -SIGKILL 1234',
      'kill -s KILL 1234',
      'kill --signal=KILL 1234',
    ])
      expect(verdictOf('kill -9 1234', same)).toBe('correct');
    expect(verdictOf('kill 1234', 'kill -TERM 1234')).toBe('correct');
    expect(verdictOf('kill -9 1234', 'kill 1234')).toBe('wrong');
    expect(verdictOf('kill -9 1234', 'kill -HUP 1234')).toBe('wrong');
    expect(verdictOf('kill -9 1234', 'kill -9 4321')).toBe('wrong');
  });
});
