/**
 * The .xlsx package (a zip file) read within bounds: the entries are listed from the central
 * directory, and each part is inflated on demand with a running count of the bytes it gives, aborted
 * as soon as a limit is passed. Declared sizes are never trusted for memory: a zip bomb (a few KB
 * that inflate to gigabytes) stops with a typed `PackageError` ("tooLarge"), never an out-of-memory.
 *
 * Pure (Uint8Array in, no Node module): the command line and the pane (returned forms, last year's
 * workbook) use the same code. Inflation is fflate's streaming `Inflate`, fed in small slices so that
 * one slice can never produce more than ~16 MB at once.
 */
import { Inflate } from "fflate";

export interface PackageLimits {
  /** Entries in the zip's directory. */
  maxEntries: number;
  /** Inflated bytes of one part. */
  maxPartBytes: number;
  /** Inflated bytes of all the parts read from one package, added up. */
  maxTotalBytes: number;
  /**
   * Cells (`<c>` elements, in any XML part) and shared strings (`<si>` elements) of the whole package:
   * counted by `checkPackage` only (a reader that holds every cell or string needs a bound on their
   * number, not only on their bytes: `<c r="A1"/>` is 12 bytes). Not set: not counted.
   */
  maxCells?: number;
  maxSharedStrings?: number;
}

/** Enough for a grid of several hundred thousand agencies; far below what would exhaust memory. */
export const DEFAULT_LIMITS: PackageLimits = { maxEntries: 10_000, maxPartBytes: 512 * 2 ** 20, maxTotalBytes: 1024 * 2 ** 20 };

export type PackageProblem =
  /** Not a zip file at all (or cut short, or its directory damaged). */
  | { code: "notZip"; detail: string }
  /** A zip, but with what an .xlsx never uses: encryption, a compression method other than deflate. */
  | { code: "unsupported"; part: string; detail: string }
  /** A limit passed: too many entries, a part or the whole inflating beyond its bound. */
  | { code: "tooLarge"; part: string | null; limit: keyof PackageLimits; bytes: number }
  /** A part whose data does not inflate, or inflates to another size or checksum than declared. */
  | { code: "damaged"; part: string; detail: string };

export class PackageError extends Error {
  constructor(readonly problem: PackageProblem) {
    super(`xlsx package: ${problem.code}${"part" in problem && problem.part ? ` (${problem.part})` : ""}`);
  }
}

export interface ZipEntry {
  /** The entry's name as stored (no leading "/": part names are compared without it). */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** As declared: checked against what inflates, never used to size anything. */
  size: number;
  /** Offset of the local header. */
  headerOffset: number;
  /** Offset of the compressed data (after the local header). */
  dataOffset: number;
  /** DOS time and date, kept by a writer that copies the entry unchanged. */
  time: number;
  date: number;
}

const SLICE = 16 * 1024;
const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

const notZip = (detail: string): never => {
  throw new PackageError({ code: "notZip", detail });
};

const utf8 = new TextDecoder("utf-8");
/** CP437 for names without the UTF-8 flag: ASCII is the same; anything else is read as Latin-1 (names of parts are ASCII). */
const latin1 = new TextDecoder("latin1");

function findEndOfDirectory(b: Uint8Array): number {
  // The end record is 22 bytes plus a comment of at most 65 535.
  for (let o = b.length - 22; o >= Math.max(0, b.length - 22 - 0xffff); o--) {
    if (b[o] === 0x50 && b[o + 1] === 0x4b && b[o + 2] === 0x05 && b[o + 3] === 0x06) return o;
  }
  return notZip("no end of central directory");
}

/** A part's name as the package's relationships speak of it: without a leading "/", "\" as "/". */
export const partName = (name: string): string => name.replace(/\\/g, "/").replace(/^\/+/, "");

export interface XlsxPackage {
  readonly bytes: Uint8Array;
  readonly entries: readonly ZipEntry[];
  readonly limits: PackageLimits;
  /** The entry of a part (name compared without a leading "/" and, as Excel does, without case), or null. */
  entry(name: string): ZipEntry | null;
  has(name: string): boolean;
  /** Inflates a part whole (within the limits). */
  read(name: string): Uint8Array;
  /** A part as text (UTF-8, a BOM dropped). */
  readText(name: string): string;
  /** Inflates a part slice by slice, each slice handed to `onData` (within the limits); nothing is kept. */
  stream(name: string, onData: (chunk: Uint8Array) => void): void;
  /** The raw compressed bytes of an entry, as stored. */
  raw(entry: ZipEntry): Uint8Array;
  /** Inflated bytes counted so far against maxTotalBytes. */
  readonly inflated: number;
}

/**
 * Opens a package from its bytes: reads the central directory (entries counted against
 * `maxEntries`), nothing inflated yet. Throws PackageError.
 */
export function openPackage(bytes: Uint8Array, limits: Partial<PackageLimits> = {}): XlsxPackage {
  const lim: PackageLimits = { ...DEFAULT_LIMITS, ...limits };
  if (bytes.length < 22 || u32(bytes, 0) !== 0x04034b50) notZip("no zip signature");
  const end = findEndOfDirectory(bytes);
  let count = u16(bytes, end + 10);
  let dirSize = u32(bytes, end + 12);
  let dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    // Zip64: the locator just before the end record points at the zip64 end record.
    const loc = end - 20;
    if (loc < 0 || u32(bytes, loc) !== 0x07064b50) notZip("zip64 locator missing");
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== 0x06064b50) notZip("zip64 end record missing");
    count = u64(bytes, z + 32);
    dirSize = u64(bytes, z + 40);
    dirOffset = u64(bytes, z + 48);
  }
  if (count > lim.maxEntries) throw new PackageError({ code: "tooLarge", part: null, limit: "maxEntries", bytes: count });
  if (dirOffset + dirSize > bytes.length) notZip("central directory beyond the end of the file");
  const entries: ZipEntry[] = [];
  let o = dirOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50) notZip("damaged central directory");
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const time = u16(bytes, o + 12);
    const date = u16(bytes, o + 14);
    const crc = u32(bytes, o + 16);
    let compressedSize = u32(bytes, o + 20);
    let size = u32(bytes, o + 24);
    const nameLength = u16(bytes, o + 28);
    const extraLength = u16(bytes, o + 30);
    const commentLength = u16(bytes, o + 32);
    let headerOffset = u32(bytes, o + 42);
    if (o + 46 + nameLength + extraLength + commentLength > bytes.length) notZip("damaged central directory");
    const nameBytes = bytes.subarray(o + 46, o + 46 + nameLength);
    const name = (flags & 0x800 ? utf8 : latin1).decode(nameBytes);
    // Zip64 extended information: the 64-bit values, in order, for those set to 0xFFFFFFFF.
    for (let e = o + 46 + nameLength; e + 4 <= o + 46 + nameLength + extraLength;) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 0x0001) {
        let p = e + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, p);
          p += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, p);
          p += 8;
        }
        if (headerOffset === 0xffffffff) headerOffset = u64(bytes, p);
      }
      e += 4 + len;
    }
    if (headerOffset + 30 > bytes.length || u32(bytes, headerOffset) !== 0x04034b50) notZip(`no local header for ${name}`);
    const dataOffset = headerOffset + 30 + u16(bytes, headerOffset + 26) + u16(bytes, headerOffset + 28);
    if (dataOffset + compressedSize > bytes.length) notZip(`${name} runs beyond the end of the file`);
    entries.push({ name, method, flags, crc, compressedSize, size, headerOffset, dataOffset, time, date });
    o += 46 + nameLength + extraLength + commentLength;
  }
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    const key = partName(e.name).toLowerCase();
    if (!byName.has(key)) byName.set(key, e);
  }
  let inflated = 0;

  const entry = (name: string) => byName.get(partName(name).toLowerCase()) ?? null;
  const stream = (name: string, onData: (chunk: Uint8Array) => void) => {
    const e = entry(name);
    if (!e) throw new PackageError({ code: "damaged", part: name, detail: "missing part" });
    if (e.flags & 0x1) throw new PackageError({ code: "unsupported", part: e.name, detail: "encrypted" });
    if (e.method !== 0 && e.method !== 8) throw new PackageError({ code: "unsupported", part: e.name, detail: `compression method ${e.method}` });
    let partBytes = 0;
    let crc = 0xffffffff;
    const take = (chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      partBytes += chunk.length;
      inflated += chunk.length;
      if (partBytes > lim.maxPartBytes) throw new PackageError({ code: "tooLarge", part: e.name, limit: "maxPartBytes", bytes: partBytes });
      if (inflated > lim.maxTotalBytes) throw new PackageError({ code: "tooLarge", part: e.name, limit: "maxTotalBytes", bytes: inflated });
      // More than declared: damaged (or crafted); stopped here rather than at the end.
      if (partBytes > e.size) throw new PackageError({ code: "damaged", part: e.name, detail: `inflates beyond the ${e.size} bytes declared` });
      crc = crc32Update(crc, chunk);
      onData(chunk);
    };
    const data = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
    if (e.method === 0) {
      for (let i = 0; i < data.length; i += SLICE) take(data.subarray(i, Math.min(data.length, i + SLICE)));
    } else {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        if (data.length === 0) inflate.push(new Uint8Array(0), true);
        for (let i = 0; i < data.length; i += SLICE) inflate.push(data.subarray(i, Math.min(data.length, i + SLICE)), i + SLICE >= data.length);
      } catch (err) {
        if (err instanceof PackageError) throw err;
        throw new PackageError({ code: "damaged", part: e.name, detail: (err as Error).message });
      }
    }
    if (partBytes !== e.size) throw new PackageError({ code: "damaged", part: e.name, detail: `inflates to ${partBytes} bytes, declared ${e.size}` });
    if ((crc ^ 0xffffffff) >>> 0 !== e.crc) throw new PackageError({ code: "damaged", part: e.name, detail: "checksum" });
  };
  const read = (name: string) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    stream(name, (c) => {
      chunks.push(c.slice());
      length += c.length;
    });
    const out = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  };
  return {
    bytes,
    entries,
    limits: lim,
    entry,
    has: (name) => entry(name) !== null,
    read,
    readText: (name) => utf8.decode(read(name)).replace(/^\uFEFF/, ""),
    stream,
    raw: (e) => bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize),
    get inflated() {
      return inflated;
    },
  };
}

/**
 * Checks a whole package within the limits without keeping anything: every entry is inflated and
 * discarded, its size and checksum checked. What a caller that hands the bytes to another reader
 * (ExcelJS, which trusts them) runs first.
 */
export function checkPackage(bytes: Uint8Array, limits: Partial<PackageLimits> = {}): { ok: true } | { ok: false; problem: PackageProblem } {
  try {
    const pkg = openPackage(bytes, limits);
    const counted = limits.maxCells !== undefined || limits.maxSharedStrings !== undefined;
    const counter = new ElementCounter();
    for (const e of pkg.entries) {
      if (e.name.endsWith("/")) continue;
      if (!counted || BINARY_PART.test(e.name)) {
        pkg.stream(e.name, () => undefined);
        continue;
      }
      counter.startPart();
      pkg.stream(e.name, (chunk) => {
        counter.scan(chunk);
        if (limits.maxCells !== undefined && counter.cells > limits.maxCells)
          throw new PackageError({ code: "tooLarge", part: e.name, limit: "maxCells", bytes: counter.cells });
        if (limits.maxSharedStrings !== undefined && counter.strings > limits.maxSharedStrings)
          throw new PackageError({ code: "tooLarge", part: e.name, limit: "maxSharedStrings", bytes: counter.strings });
      });
    }
    return { ok: true };
  } catch (err) {
    if (err instanceof PackageError) return { ok: false, problem: err.problem };
    throw err;
  }
}

/** Parts that are not XML (pictures, embedded binaries): not scanned for elements. */
const BINARY_PART = /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|bin|ico|wdp|jfif)$/i;

const LT = 0x3c;
const COLON = 0x3a;
const isNameByte = (b: number) =>
  (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b === 0x5f || b === 0x2d || b === 0x2e || b === COLON || b >= 0x80;

/**
 * Counts the start tags whose local name is `c` (a cell) or `si` (a shared string), with or without a
 * namespace prefix (`<x:c …>`), slice by slice: a tag cut between two slices is counted once.
 */
export class ElementCounter {
  cells = 0;
  strings = 0;
  /** In a tag's name: the bytes of its local name so far (-1: not in a name). */
  private local = -1;
  private first = 0;
  private second = 0;

  /** A new part: a name left open at the end of the previous one is not carried over. */
  startPart(): void {
    this.local = -1;
  }

  scan(chunk: Uint8Array): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (this.local < 0) {
        if (b === LT) this.local = 0;
        continue;
      }
      if (isNameByte(b)) {
        if (b === COLON) this.local = 0;
        else {
          if (this.local === 0) this.first = b;
          else if (this.local === 1) this.second = b;
          this.local++;
        }
        continue;
      }
      // The name ended (a space, ">", "/", or anything that is not a name: "</", "<?", "<!").
      if (this.local === 1 && this.first === 0x63) this.cells++;
      else if (this.local === 2 && this.first === 0x73 && this.second === 0x69) this.strings++;
      this.local = b === LT ? 0 : -1;
    }
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (zip's) continued over `data`; start with 0xFFFFFFFF and finish with `^ 0xFFFFFFFF`. */
export function crc32Update(crc: number, data: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return c >>> 0;
}

export const crc32 = (data: Uint8Array): number => (crc32Update(0xffffffff, data) ^ 0xffffffff) >>> 0;
