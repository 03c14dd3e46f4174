import type { DeckFileSource } from '../chat/deck-files.ts';
import { formatBytes, IMPORT_LIMITS } from './limits.ts';

/** How much and how long a file uploaded in chat may take to fetch. */
export const DOWNLOAD_LIMITS = {
  /** The file as uploaded (compressed, for a package): what it unpacks to is bounded by the import's limit. */
  maxBytes: IMPORT_LIMITS.chatFileBytes,
  timeoutMs: 30_000, // ms
} as const;

export type Downloaded = { ok: true; bytes: Uint8Array } | { ok: false; problem: string };

/**
 * Fetches an uploaded file within the bounds: refused before the download when its announced size is over,
 * and cut off as soon as more bytes arrive than allowed or the time is up. Only http(s) URLs are fetched.
 */
export async function downloadFile(
  source: DeckFileSource,
  limits: { maxBytes: number; timeoutMs: number } = DOWNLOAD_LIMITS,
): Promise<Downloaded> {
  const tooLarge = `more than the ${formatBytes(limits.maxBytes)} a file uploaded in chat may have (as uploaded; a package may unpack to ${formatBytes(IMPORT_LIMITS.totalBytes)}): import a larger one with \`mnemo cards import\``;
  if (source.size !== null && source.size > limits.maxBytes) return { ok: false, problem: tooLarge };
  if (!/^https?:\/\//.test(source.url)) return { ok: false, problem: 'not a file Mnemo can fetch' };
  try {
    const response = await fetch(source.url, {
      headers: source.headers ?? {},
      signal: AbortSignal.timeout(limits.timeoutMs),
      redirect: 'follow',
    });
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      return { ok: false, problem: `the file could not be fetched (HTTP ${response.status})` };
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += chunk.length;
      if (size > limits.maxBytes) {
        await response.body.cancel().catch(() => {});
        return { ok: false, problem: tooLarge };
      }
      chunks.push(chunk);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    return { ok: true, bytes };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      problem: timedOut
        ? `the file took more than ${limits.timeoutMs / 1_000} s to fetch`
        : 'the file could not be fetched',
    };
  }
}
