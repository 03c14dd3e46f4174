import { describe, expect, it } from 'vitest';
import { verdictOf } from './verdict-of.ts';

// Issue #16, task g11: when the question asks which command, function or statement, what the answer runs it on
// (a path, a file, short flags, a call's arguments) is read past; a long flag or a bare word that may be a
// subcommand of its own is not.
const ROWS = [
  ['a path', 'Which command prints the contents of a file?', 'cat', 'cat /etc/hosts', 'correct'],
  ['short flags and a path', 'Which command copies files?', 'cp', 'cp -r src/ backup/', 'correct'],
  [
    'a short flag and the word it takes',
    'Which git command records changes?',
    'git commit',
    'git commit -m fix',
    'correct',
  ],
  [
    "a call's arguments",
    'Which Python function returns the length of a list?',
    'len',
    'len(items)',
    'correct',
  ],
  ['an HTTP path', 'Which HTTP method updates a resource in place?', 'PUT', 'PUT /users/7', 'correct'],
  ['a slip in the command', 'Which command prints the contents of a file?', 'cat', 'cta /etc/hosts', 'wrong'],
  [
    'another command on the same path',
    'Which command prints the contents of a file?',
    'cat',
    'rm /etc/hosts',
    'wrong',
  ],
  [
    'a long flag that changes what it does',
    'Which git command applies stashed changes?',
    'git stash',
    'git stash --patch',
    'wrong',
  ],
  [
    'a bare word that is a subcommand',
    'Which command shelves uncommitted changes?',
    'git stash',
    'git stash drop',
    'wrong',
  ],
  [
    'a question about what a function does',
    'What is the function of the liver?',
    'detoxification',
    'detoxification ./x',
    'wrong',
  ],
] as const;

describe('a command run on something, where the question asks which command', () => {
  it.each(ROWS)('GIVEN %s (%s %s: %s) THEN it is %s', (_rule, question, expected, answer, verdict) => {
    expect(verdictOf(expected, answer, { question })).toBe(verdict);
  });
});
