/** Error codes for bugs and broken infrastructure. Expected outcomes are values, not errors. */
export type MnemoErrorCode =
  | 'CONFIG_INVALID'
  | 'DATA_DIR_LOCKED'
  | 'DATABASE_UNAVAILABLE'
  | 'DECK_INVALID'
  | 'INVARIANT'
  | 'PLATFORM_UNAUTHORIZED'
  /** One tenant's own credentials are gone or refused (a Slack workspace uninstalled Mnemo): only it stops. */
  | 'TENANT_UNAUTHORIZED'
  | 'PLATFORM_REJECTED';

export class MnemoError extends Error {
  readonly code: MnemoErrorCode;

  constructor(code: MnemoErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MnemoError';
    this.code = code;
  }
}
