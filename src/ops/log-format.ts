const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
/** Fields every line has that a person at a terminal does not need to read. */
const QUIET = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'app']);

/** One pino JSON line as a person reads it on a terminal: `12:03:04 WARN message key=value`, stack below. */
export function readableLogLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const time = typeof entry.time === 'number' ? new Date(entry.time).toISOString().slice(11, 19) : '';
  const level = LEVELS[Number(entry.level)] ?? String(entry.level);
  const fields = Object.entries(entry)
    .filter(([key]) => !QUIET.has(key) && key !== 'err')
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  const err = entry.err as { stack?: unknown; message?: unknown } | undefined;
  const stack = err ? `\n    ${String(err.stack ?? err.message).replaceAll('\n', '\n    ')}` : '';
  return `${[time, level, String(entry.msg ?? ''), ...fields].filter(Boolean).join(' ')}${stack}\n`;
}
