/**
 * `kill` command lines compared by the signal they send: `kill -9 1234` = `kill -KILL 1234` =
 * `kill -SIGKILL 1234` = `kill -s KILL 1234` = `kill --signal=KILL 1234`.
 */

// The signal numbers POSIX fixes (the same on Linux and the BSDs).
const SIGNALS: Readonly<Record<string, number>> = {
  HUP: 1,
  INT: 2,
  QUIT: 3,
  ABRT: 6,
  KILL: 9,
  ALRM: 14,
  TERM: 15,
};
const DEFAULT_SIGNAL = SIGNALS.TERM ?? 15;
const SENDERS = new Set(['kill', 'pkill', 'killall']);

function signalNumber(name: string): number | undefined {
  if (/^\d{1,2}$/.test(name)) return Number(name);
  return SIGNALS[name.toUpperCase().replace(/^SIG/, '')];
}

interface SignalSent {
  readonly program: string;
  readonly signal: number;
  /** Whatever else the line says (the process ids or names), as typed but for case. */
  readonly targets: string;
}

function readKill(text: string): SignalSent | undefined {
  const [program = '', ...words] = text.trim().toLowerCase().split(/\s+/);
  if (!SENDERS.has(program)) return undefined;
  let signal: number | undefined;
  const targets: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const named = /^--signal=(.+)$/.exec(word);
    if (word === '-s' || word === '--signal') signal = signalNumber(words[++i] ?? '');
    else if (named) signal = signalNumber(named[1] ?? '');
    else if (signal === undefined && targets.length === 0 && /^-\w+$/.test(word))
      signal = signalNumber(word.slice(1));
    else targets.push(word);
    if (signal === undefined && /^-/.test(word) && targets.length === 0) return undefined;
  }
  return { program, signal: signal ?? DEFAULT_SIGNAL, targets: targets.join(' ') };
}

/** True when both lines run the same `kill` (or `pkill`, `killall`) with the same signal and targets. */
export function isSameKill(answer: string, expected: string): boolean {
  const want = readKill(expected);
  if (!want) return false;
  const typed = readKill(answer);
  return (
    typed !== undefined &&
    typed.program === want.program &&
    typed.signal === want.signal &&
    typed.targets === want.targets
  );
}
