import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const TEXT = 0x1;
const CLOSE = 0x8;
const PING = 0x9;
const PONG = 0xa;

export interface GatewayPayload {
  op: number;
  d?: unknown;
  s?: number | null;
  t?: string | null;
}

/**
 * Discord's gateway, as far as a bot's session goes: HELLO, IDENTIFY → READY, heartbeats, and dispatches the
 * test sends. A minimal WebSocket server (RFC 6455, unfragmented text frames) on the fake's HTTP server, so
 * discord.js connects to it exactly as it would to Discord.
 */
export class FakeGateway {
  readonly identifies: GatewayPayload[] = [];
  #socket: Duplex | null = null;
  #sequence = 0;
  #ready: Promise<void>;
  #markReady: () => void = () => {};
  readonly #applicationId: string;

  constructor(applicationId: string) {
    this.#applicationId = applicationId;
    this.#ready = new Promise((resolve) => {
      this.#markReady = resolve;
    });
  }

  /** Resolves once a client has identified and been sent READY. */
  ready(): Promise<void> {
    return this.#ready;
  }

  upgrade(request: IncomingMessage, socket: Duplex): void {
    const key = request.headers['sec-websocket-key'];
    if (typeof key !== 'string') {
      socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
      return;
    }
    const accept = createHash('sha1')
      .update(key + WEBSOCKET_GUID)
      .digest('base64');
    socket.write(
      [
        'HTTP/1.1 101 Switching Protocols',
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Accept: ${accept}`,
        '',
        '',
      ].join('\r\n'),
    );
    this.#socket = socket;
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      for (let frame = readFrame(buffered); frame; frame = readFrame(buffered)) {
        buffered = buffered.subarray(frame.size);
        this.#onFrame(socket, frame.opcode, frame.payload);
      }
    });
    socket.on('error', () => {});
    this.#send({ op: 10, d: { heartbeat_interval: 45_000 } });
  }

  /** Sends a dispatch (op 0) such as INTERACTION_CREATE. */
  dispatch(type: string, data: unknown): void {
    this.#send({ op: 0, t: type, s: ++this.#sequence, d: data });
  }

  close(): void {
    this.#socket?.destroy();
  }

  #onFrame(socket: Duplex, opcode: number, payload: Buffer): void {
    if (opcode === CLOSE) {
      socket.end(frame(CLOSE, payload.subarray(0, 2)));
      return;
    }
    if (opcode === PING) {
      socket.write(frame(PONG, payload));
      return;
    }
    if (opcode !== TEXT) return;
    const message = JSON.parse(payload.toString('utf8')) as GatewayPayload;
    if (message.op === 1) this.#send({ op: 11 });
    if (message.op === 2) {
      this.identifies.push(message);
      this.dispatch('READY', {
        v: 10,
        user: {
          id: this.#applicationId,
          username: 'Mnemo',
          discriminator: '0',
          global_name: null,
          avatar: null,
          bot: true,
        },
        guilds: [],
        session_id: 'fake-session',
        resume_gateway_url: 'ws://127.0.0.1:9',
        shard: [0, 1],
        application: { id: this.#applicationId, flags: 0 },
      });
      this.#markReady();
    }
  }

  #send(payload: GatewayPayload): void {
    this.#socket?.write(frame(TEXT, Buffer.from(JSON.stringify(payload))));
  }
}

function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65_536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigEndian64(length)]);
  return Buffer.concat([header, payload]);
}

function bigEndian64(n: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(n));
  return bytes;
}

/** One client frame (always masked), or null until it has fully arrived. */
function readFrame(data: Buffer): { opcode: number; payload: Buffer; size: number } | null {
  if (data.length < 2) return null;
  const opcode = (data[0] ?? 0) & 0x0f;
  const masked = ((data[1] ?? 0) & 0x80) !== 0;
  let length = (data[1] ?? 0) & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (data.length < 4) return null;
    length = data.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (data.length < 10) return null;
    length = Number(data.readBigUInt64BE(2));
    offset = 10;
  }
  const maskLength = masked ? 4 : 0;
  if (data.length < offset + maskLength + length) return null;
  const mask = data.subarray(offset, offset + maskLength);
  const payload = Buffer.from(data.subarray(offset + maskLength, offset + maskLength + length));
  if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  return { opcode, payload, size: offset + maskLength + length };
}
