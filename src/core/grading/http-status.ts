import { normalise } from './normalise.ts';

const REASONS: ReadonlyMap<string, string> = new Map([
  ['200', 'OK'],
  ['201', 'Created'],
  ['202', 'Accepted'],
  ['204', 'No Content'],
  ['301', 'Moved Permanently'],
  ['302', 'Found'],
  ['304', 'Not Modified'],
  ['307', 'Temporary Redirect'],
  ['308', 'Permanent Redirect'],
  ['400', 'Bad Request'],
  ['401', 'Unauthorized'],
  ['403', 'Forbidden'],
  ['404', 'Not Found'],
  ['405', 'Method Not Allowed'],
  ['408', 'Request Timeout'],
  ['409', 'Conflict'],
  ['410', 'Gone'],
  ['413', 'Payload Too Large'],
  ['415', 'Unsupported Media Type'],
  ['422', 'Unprocessable Entity'],
  ['429', 'Too Many Requests'],
  ['500', 'Internal Server Error'],
  ['501', 'Not Implemented'],
  ['502', 'Bad Gateway'],
  ['503', 'Service Unavailable'],
  ['504', 'Gateway Timeout'],
]);

/**
 * An HTTP status code and its standard reason phrase are one answer: "404" accepts "404 Not Found",
 * and "404 Not Found" accepts "404". The phrase alone is not accepted for a code.
 */
export function withStatusReason(form: string): string[] {
  const [code = '', ...rest] = normalise(form).split(' ');
  const reason = REASONS.get(code);
  if (!reason) return [form];
  if (rest.length === 0) return [form, `${code} ${reason}`];
  return rest.join(' ') === normalise(reason) ? [form, code] : [form];
}
