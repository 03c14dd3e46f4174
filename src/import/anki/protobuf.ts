/** Just enough protobuf to read Anki's note type, template and deck configs and its media map. */

export type ProtoValue = number | Uint8Array;

/** Each field of a message, by number, in wire order. Varints above 2^53 lose precision (not used here). */
export function readMessage(bytes: Uint8Array): Map<number, ProtoValue[]> {
  const fields = new Map<number, ProtoValue[]>();
  let at = 0;
  const varint = (): number => {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error('protobuf: truncated varint');
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
    throw new Error('protobuf: varint too long');
  };
  while (at < bytes.length) {
    const key = varint();
    const number = Math.floor(key / 8);
    const wire = key % 8;
    let value: ProtoValue;
    if (wire === 0) value = varint();
    else if (wire === 2) {
      const length = varint();
      if (at + length > bytes.length) throw new Error('protobuf: truncated field');
      value = bytes.subarray(at, at + length);
      at += length;
    } else if (wire === 1 || wire === 5) {
      at += wire === 1 ? 8 : 4;
      continue;
    } else throw new Error(`protobuf: wire type ${wire} is not supported`);
    const list = fields.get(number);
    if (list) list.push(value);
    else fields.set(number, [value]);
  }
  return fields;
}

const decoder = new TextDecoder();

export function stringField(fields: Map<number, ProtoValue[]>, number: number): string {
  const value = fields.get(number)?.[0];
  return value instanceof Uint8Array ? decoder.decode(value) : '';
}

export function numberField(fields: Map<number, ProtoValue[]>, number: number): number {
  const value = fields.get(number)?.[0];
  return typeof value === 'number' ? value : 0;
}

export function messageField(fields: Map<number, ProtoValue[]>, number: number): Map<number, ProtoValue[]> {
  const value = fields.get(number)?.[0];
  return value instanceof Uint8Array ? readMessage(value) : new Map();
}
