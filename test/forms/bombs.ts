/**
 * Zip bombs for the bounded-reading tests, built in a few MB without ever holding what they inflate
 * to: 1 MiB of zeros deflated once (ending on a full flush, so the chunk is byte-aligned and needs no
 * earlier data), repeated, then an empty final block. 3.5 GiB inflate from about 3.6 MB.
 */
import * as zlib from "zlib";
import { unzipSync } from "fflate";

const MIB = 2 ** 20;

export interface RawEntry {
  name: string;
  /** Deflated data (method 8). */
  data: Uint8Array;
  size: number;
  crc: number;
}

/** A deflate stream of `mib` MiB of zeros (the CRC is left at 0: the readers stop at their limit long before the end). */
export function zerosBomb(mib: number): { data: Uint8Array; size: number } {
  const chunk = zlib.deflateRawSync(Buffer.alloc(MIB), { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
  const end = Buffer.from([0x03, 0x00]); // an empty final block (fixed Huffman)
  const data = Buffer.alloc(chunk.length * mib + end.length);
  for (let i = 0; i < mib; i++) chunk.copy(data, i * chunk.length);
  end.copy(data, chunk.length * mib);
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), size: mib * MIB };
}

/** A zip of deflated entries, written by hand (the bomb's declared size is the true one). */
export function writeZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, Buffer.from(e.data));
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(e.crc >>> 0, 16);
    dir.writeUInt32LE(e.data.length, 20);
    dir.writeUInt32LE(e.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + e.data.length;
  }
  const dirBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(dirBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, dirBytes, eocd]));
}

/**
 * An .xlsx with one part replaced by (or, for a new name, added as) 3.5 GiB of zeros: the other parts
 * as they were, re-deflated.
 */
export function bombed(xlsx: Uint8Array, part: string, mib = 3584): Uint8Array {
  const files = unzipSync(xlsx);
  const entries: RawEntry[] = Object.entries(files)
    .filter(([name]) => name !== part)
    .map(([name, bytes]) => ({ name, data: new Uint8Array(zlib.deflateRawSync(bytes)), size: bytes.length, crc: crc(bytes) }));
  const bomb = zerosBomb(mib);
  entries.push({ name: part, data: bomb.data, size: bomb.size, crc: 0 });
  return writeZip(entries);
}

function crc(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
