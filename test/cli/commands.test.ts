import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMMANDS, parseCommandLine } from '../../src/cli/commands.ts';
import { runInProcess, runMnemo } from '../support/cli.ts';

describe('parseCommandLine', () => {
  it.each(Object.keys(COMMANDS))('GIVEN `mnemo %s --help` THEN that command’s own usage', (name) => {
    const parsed = parseCommandLine([...name.split(' '), '--help']);
    expect(parsed).toEqual({ kind: 'help', text: expect.stringContaining(`Usage: mnemo ${name}`) });
  });

  it('GIVEN --version after a command (`npm start -- --version`) THEN the version', () => {
    expect(parseCommandLine(['start', '--version'])).toMatchObject({ kind: 'version' });
  });

  it('GIVEN no arguments THEN start, as `npm start` does', () => {
    expect(parseCommandLine([])).toMatchObject({ kind: 'run', command: 'start' });
  });

  it('GIVEN flags and paths where they belong THEN the command gets them', () => {
    expect(parseCommandLine(['quiz', '--deck', 'docker'])).toMatchObject({ flags: { deck: 'docker' } });
    expect(parseCommandLine(['cards', 'check', 'a.md', 'b', '--json'])).toMatchObject({
      command: 'cards check',
      flags: { json: true },
      positionals: ['a.md', 'b'],
    });
    expect(parseCommandLine(['cards', 'sync', '--allow-retire'])).toMatchObject({
      command: 'cards sync',
      flags: { 'allow-retire': true },
    });
    expect(parseCommandLine(['start', '--allow-retire'])).toMatchObject({ flags: { 'allow-retire': true } });
  });

  it.each([
    [['quiz', '--bogus'], 'mnemo quiz: unknown option --bogus.'],
    [['quiz', '--deck'], 'mnemo quiz: --deck needs a value.'],
    [['quiz', '--deck='], 'mnemo quiz: --deck needs a value.'],
    [['cards', 'sync', 'extra', 'args'], 'mnemo cards sync: unexpected argument "extra".'],
    [['migrate', 'now'], 'mnemo migrate: unexpected argument "now".'],
    [['cards', 'check', '--json=yes'], 'mnemo cards check: --json takes no value.'],
    [['cards'], 'mnemo: "cards" needs a sub-command.'],
    [['cards', 'bogus'], 'mnemo: unknown command "cards bogus".'],
    [['frobnicate'], 'mnemo: unknown command "frobnicate".'],
  ])('GIVEN `mnemo %j` THEN a usage error whose first line says what is wrong', (argv, first) => {
    const parsed = parseCommandLine(argv);
    expect(parsed.kind).toBe('usage-error');
    if (parsed.kind !== 'usage-error') return;
    const [line, blank, usage] = parsed.text.split('\n');
    expect(line).toBe(first);
    expect(blank).toBe('');
    expect(usage).toMatch(/^Usage: mnemo /);
  });
});

// The first two spawn Mnemo as a person runs it (npm start, and the CLI entry); the rest run its main in process.
describe('the mnemo command line, run as a person would', () => {
  it('GIVEN `npm start -- --help` THEN the usage of start, and no quiz', async () => {
    const run = await runMnemo(['--help'], { npm: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: mnemo start');
    expect(run.stdout).not.toContain('Commands: /reveal');
  });

  it('GIVEN `mnemo --help` THEN every command is listed', async () => {
    const run = await runMnemo(['--help']);
    expect(run.code).toBe(0);
    for (const name of Object.keys(COMMANDS)) expect(run.stdout).toContain(`  ${name}`);
  });

  it('GIVEN `mnemo --version` THEN the version of package.json', async () => {
    const run = await runInProcess(['--version']);
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it.each([
    ['cards', 'check', '--help'],
    ['grade', '--help', ''],
    ['cards', 'suggestions', '-h'],
    ['migrate', '--help', ''],
  ])('GIVEN `mnemo %s %s %s` THEN its usage on stdout and exit 0', async (...argv) => {
    const run = await runInProcess(argv.filter(Boolean));
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: mnemo (cards check|grade|cards suggestions|migrate)/);
    expect(run.stderr).toBe('');
  });

  it('GIVEN an unknown flag THEN exit 2, naming the flag, and nothing is run', async () => {
    const run = await runInProcess(['cards', 'check', '--jsn']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^mnemo cards check: unknown option --jsn\.\n\nUsage: mnemo cards check/);
    expect(run.stdout).toBe('');
  });

  it('GIVEN arguments to a command that takes none THEN exit 2 and the database is not touched', async () => {
    const run = await runInProcess(['cards', 'sync', 'extra', 'args'], {
      env: { DATA_DIR: '/nonexistent/x' },
    });
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('mnemo cards sync: unexpected argument "extra".');
  });
});
