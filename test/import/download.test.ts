import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadFile } from '../../src/import/download.ts';
import { IMPORT_LIMITS } from '../../src/import/limits.ts';

let server: Server;
let base = '';
const seen: { path: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ path: request.url ?? '', authorization: request.headers.authorization });
    if (request.url === '/small') return response.end(Buffer.from('q,a\n1,2\n'));
    if (request.url === '/missing') return response.writeHead(404).end();
    if (request.url === '/endless') {
      // No content-length: the size is only known by reading.
      const chunk = Buffer.alloc(1_024, 7);
      const timer = setInterval(() => response.write(chunk), 1);
      response.on('close', () => clearInterval(timer));
      return;
    }
    // '/stalled': headers, then nothing.
    response.writeHead(200);
    response.flushHeaders();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const limits = { maxBytes: 8_192, timeoutMs: 300 };
const source = (path: string, size: number | null = null) => ({
  url: `${base}${path}`,
  name: 'deck.csv',
  size,
  headers: { authorization: 'Bearer xoxb-1' },
});

describe('downloading an uploaded deck file', () => {
  it('GIVEN a small file THEN its bytes come back, fetched with the headers given', async () => {
    const got = await downloadFile(source('/small'), limits);
    expect(got.ok && new TextDecoder().decode(got.bytes)).toBe('q,a\n1,2\n');
    expect(seen.at(-1)).toEqual({ path: '/small', authorization: 'Bearer xoxb-1' });
  });

  it('GIVEN a size announced over the bound THEN it is refused without a request', async () => {
    const requests = seen.length;
    expect(await downloadFile(source('/small', 9_000), limits)).toEqual({
      ok: false,
      problem: expect.stringContaining('a file uploaded in chat may have'),
    });
    expect(seen).toHaveLength(requests);
  });

  it('GIVEN a package announced over the chat bound THEN the problem names both sizes: as uploaded, and unpacked', async () => {
    const requests = seen.length;
    const big = { ...source('/small', IMPORT_LIMITS.chatFileBytes + 1), name: 'big.apkg' };
    const refused = await downloadFile(big);
    expect(refused).toEqual({
      ok: false,
      problem:
        'more than the 25 MB a file uploaded in chat may have (as uploaded; a package may unpack to 100 MB): import a larger one with `mnemo cards import`',
    });
    expect(seen).toHaveLength(requests);
    // A file under the chat bound can still unpack to the import's own bound, never past it.
    expect(IMPORT_LIMITS.chatFileBytes).toBeLessThanOrEqual(IMPORT_LIMITS.totalBytes);
  });

  it('GIVEN a body that goes past the bound THEN the download is cut off and refused', async () => {
    const got = await downloadFile(source('/endless'), { ...limits, timeoutMs: 5_000 });
    expect(got).toEqual({ ok: false, problem: expect.stringContaining('more than the') });
  });

  it('GIVEN a server that stalls, or answers 404, or a URL that is not http THEN each is refused with why', async () => {
    expect(await downloadFile(source('/stalled'), limits)).toEqual({
      ok: false,
      problem: 'the file took more than 0.3 s to fetch',
    });
    expect(await downloadFile(source('/missing'), limits)).toEqual({
      ok: false,
      problem: 'the file could not be fetched (HTTP 404)',
    });
    expect(await downloadFile({ ...source('/small'), url: 'file:///etc/passwd' }, limits)).toEqual({
      ok: false,
      problem: 'not a file Mnemo can fetch',
    });
  });
});
