#!/usr/bin/env node
/**
 * Writes the add-in's icons (assets/icon-16/32/64/80/128.png): a podium of three bars, the tallest
 * in the middle, in the Office blue #0F6CBD on a transparent background.
 *
 * Pure Node (zlib only): the shapes are drawn in unit coordinates and each pixel's coverage is
 * sampled 8×8 times (anti-aliasing, should the glyph ever leave the grid). Run: node scripts/make-icons.js
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x0f, 0x6c, 0xbd];
const OUT = path.resolve(__dirname, "..", "assets");

/**
 * The glyph on a 16-unit grid (0,0 top left): bars [x0, x1, top] standing on a shared base. Every
 * size is a multiple of 16, so all edges fall on pixel boundaries and no size is blurred.
 */
const GRID = 16;
const BASE = 15 / GRID;
const BARS = [
  [1, 5, 7], // 2nd
  [6, 10, 2], // 1st
  [11, 15, 10], // 3rd
].map((b) => b.map((v) => v / GRID));
/** Whether a point lies on the glyph. */
const inside = (x, y) => y <= BASE && BARS.some(([x0, x1, top]) => x >= x0 && x < x1 && y >= top);

function pixels(size) {
  const ss = 8;
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          if (inside((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)) hits++;
        }
      }
      const i = (py * size + px) * 4;
      data[i] = BLUE[0];
      data[i + 1] = BLUE[1];
      data[i + 2] = BLUE[2];
      data[i + 3] = Math.round((255 * hits) / (ss * ss));
    }
  }
  return data;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, body) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  const typed = Buffer.concat([Buffer.from(type, "ascii"), body]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([len, typed, crc]);
}

/** A truecolour-with-alpha, 8-bit, non-interlaced PNG. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

for (const size of SIZES) if (size % GRID) throw new Error(`icon size ${size} is not a multiple of ${GRID}`);
fs.mkdirSync(OUT, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, pixels(size)));
  console.log(`${path.relative(process.cwd(), file)} ${size}×${size}`);
}
