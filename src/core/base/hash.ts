/**
 * A stable fingerprint of JSON data, the same in Node and in the browser: the JSON written with its
 * object keys sorted and its texts in NFC, hashed with two 32-bit FNV-1a variants (64 bits, 16 hex
 * digits). Not a security hash: it tells "the same rules" from "other rules".
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(typeof value === "string" ? value.normalize("NFC") : value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k.normalize("NFC"))}:${canonicalJson(v)}`).join(",")}}`;
}

/** 16 hex digits from a text (its UTF-16 code units). */
export function hashText(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return hex(h1) + hex(h2);
}

export const fingerprint = (value: unknown): string => hashText(canonicalJson(value));
