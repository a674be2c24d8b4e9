/**
 * SHA-256 of a text's UTF-8 bytes, as hex: the lock's fingerprint of the results (lock.ts). A thin
 * wrapper over the one implementation in hmac.ts (checked against node:crypto there and in
 * test/core/base/sha256.test.ts).
 */
import { sha256 as digest, toHex, utf8 } from "./hmac";

export { utf8 };

/** The SHA-256 digest of bytes, as 64 lowercase hex digits. */
export const sha256Bytes = (bytes: Uint8Array): string => toHex(digest(bytes));

/** The SHA-256 digest of a text's UTF-8 bytes, as 64 lowercase hex digits. */
export const sha256 = (text: string): string => sha256Bytes(utf8(text));
