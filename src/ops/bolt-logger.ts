import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

const SEVERITY = { debug: 0, info: 1, warn: 2, error: 3 } as const satisfies Record<LogLevel, number>;

/** Bolt's (and the WebClient's) logger interface over Mnemo's pino logger. */
export function boltLogger(log: Logger, initial: LogLevel = LogLevel.WARN): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level: LogLevel = initial;
  const at =
    (severity: LogLevel) =>
    (...parts: unknown[]) => {
      if (SEVERITY[severity] < SEVERITY[level]) return;
      const errors = parts.filter((part) => part instanceof Error);
      const text = parts
        .filter((part) => !(part instanceof Error))
        .map((part) => (typeof part === 'string' ? part : JSON.stringify(part)))
        .join(' ');
      child[severity](errors.length > 0 ? { err: errors[0] } : {}, text);
    };
  return {
    debug: at(LogLevel.DEBUG),
    info: at(LogLevel.INFO),
    warn: at(LogLevel.WARN),
    error: at(LogLevel.ERROR),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
