import { inflateSync } from 'node:zlib';

const HEADER = 44; // bytes of a WOFF header
const ENTRY = 20; // bytes of one WOFF table directory entry
const SFNT_HEADER = 12;
const SFNT_ENTRY = 16;

/**
 * A WOFF 1.0 font (https://www.w3.org/TR/WOFF/) as the TrueType/OpenType file it wraps: the @fontsource
 * packages ship only WOFF and WOFF2, and resvg reads neither. Each table is zlib-deflated or stored as is.
 */
export function woffToSfnt(woff: Uint8Array): Buffer {
  const input = Buffer.from(woff.buffer, woff.byteOffset, woff.byteLength);
  if (input.length < HEADER || input.toString('latin1', 0, 4) !== 'wOFF')
    throw new Error('not a WOFF 1.0 font (no "wOFF" signature)');
  const flavor = input.readUInt32BE(4);
  const numTables = input.readUInt16BE(12);
  if (HEADER + numTables * ENTRY > input.length) throw new Error('WOFF table directory runs past the file');
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = HEADER + i * ENTRY;
    const offset = input.readUInt32BE(at + 4);
    const compLength = input.readUInt32BE(at + 8);
    const origLength = input.readUInt32BE(at + 12);
    if (offset + compLength > input.length) throw new Error('a WOFF table runs past the file');
    const stored = input.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error('a WOFF table does not inflate to its stated length');
    return { tag: input.readUInt32BE(at), checksum: input.readUInt32BE(at + 16), data };
  });
  const padded = (length: number) => (length + 3) & ~3;
  const size = tables.reduce(
    (sum, table) => sum + padded(table.data.length),
    SFNT_HEADER + numTables * SFNT_ENTRY,
  );
  const output = Buffer.alloc(size);
  const power = 2 ** Math.floor(Math.log2(numTables));
  output.writeUInt32BE(flavor, 0);
  output.writeUInt16BE(numTables, 4);
  output.writeUInt16BE(power * 16, 6); // searchRange
  output.writeUInt16BE(Math.log2(power), 8); // entrySelector
  output.writeUInt16BE(numTables * 16 - power * 16, 10); // rangeShift
  let offset = SFNT_HEADER + numTables * SFNT_ENTRY;
  tables.forEach((table, i) => {
    const at = SFNT_HEADER + i * SFNT_ENTRY;
    output.writeUInt32BE(table.tag, at);
    output.writeUInt32BE(table.checksum, at + 4);
    output.writeUInt32BE(offset, at + 8);
    output.writeUInt32BE(table.data.length, at + 12);
    table.data.copy(output, offset);
    offset += padded(table.data.length);
  });
  return output;
}
