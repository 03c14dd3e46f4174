import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { MnemoError } from '../core/errors.ts';

const ALGORITHM = 'aes-256-gcm';
const VERSION = 'v1';
const IV_BYTES = 12; // GCM's standard nonce size

/** A secret opened: the text, and whether it was sealed with the old key (so it should be sealed again). */
export interface Opened {
  plaintext: string;
  stale: boolean;
}

/**
 * AES-256-GCM for secrets at rest (Slack tokens). Sealed text is `v1.<key id>.<iv>.<tag>.<ciphertext>`: the key
 * id (a hash prefix, never the key) says which key opens it, so `MNEMO_SECRET_KEY_OLD` keeps old rows readable
 * while new ones are sealed with `MNEMO_SECRET_KEY`.
 */
export class SecretBox {
  readonly #current: { id: string; key: Buffer };
  readonly #old: { id: string; key: Buffer } | null;

  /** Keys are 32 bytes each (src/config.ts checks the variables). */
  constructor(current: Buffer, old: Buffer | null = null) {
    this.#current = { id: keyIdOf(current), key: current };
    this.#old = old ? { id: keyIdOf(old), key: old } : null;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#current.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [VERSION, this.#current.id, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  /** Throws a MnemoError naming no secret when the text was not sealed by one of the keys, or was altered. */
  open(sealed: string): Opened {
    const [version, keyId, iv, tag, ciphertext, ...rest] = sealed.split('.');
    if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined || rest.length > 0)
      throw new MnemoError('CONFIG_INVALID', 'a stored secret is not in the sealed format');
    const key = [this.#current, this.#old].find((candidate) => candidate?.id === keyId);
    if (!key)
      throw new MnemoError(
        'CONFIG_INVALID',
        `a stored secret was sealed with a key that is neither MNEMO_SECRET_KEY nor MNEMO_SECRET_KEY_OLD (key id ${keyId})`,
      );
    try {
      const decipher = createDecipheriv(ALGORITHM, key.key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      const plaintext = Buffer.concat([
        decipher.update(Buffer.from(ciphertext, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
      return { plaintext, stale: key !== this.#current };
    } catch (cause) {
      throw new MnemoError('CONFIG_INVALID', `a stored secret does not open with its key (key id ${keyId})`, {
        cause,
      });
    }
  }
}

/** Eight hex digits of the key's SHA-256: enough to tell two keys apart, nothing about the key. */
function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 8);
}
