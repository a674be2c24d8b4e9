/**
 * A sheet's password as Excel keeps it in `<sheetProtection>` (ECMA-376 Part 1, 18.3.1.85): the salt and the UTF-16
 * password hashed, then hashed again with each round's number, `spinCount` times. The lock puts SHA-512 with a new
 * salt and 100 000 rounds, as Excel does; unlocking checks a password against the attributes found.
 */
import * as crypto from "crypto";
import { SheetProtection } from "./edit";

/** Excel's hash of a sheet's password; null for an algorithm this Node does not have. */
function passwordHash(password: string, algorithm: string, salt: string, spinCount: number): string | null {
  const alg = algorithm.replace("-", "").toLowerCase();
  if (!crypto.getHashes().includes(alg)) return null;
  let key = crypto.createHash(alg).update(Buffer.from(salt, "base64")).update(Buffer.from(password, "utf16le")).digest();
  const round = Buffer.alloc(4);
  for (let i = 0; i < spinCount; i++) {
    round.writeUInt32LE(i, 0);
    key = crypto.createHash(alg).update(key).update(round).digest();
  }
  return key.toString("base64");
}

/** The protection the lock puts: with a password, Excel's SHA-512 hash of it (a new salt, 100 000 rounds). */
export function protectionWith(password: string | undefined): SheetProtection {
  if (!password) return {};
  const saltValue = crypto.randomBytes(16).toString("base64");
  return { password: { algorithmName: "SHA-512", saltValue, spinCount: 100000, hashValue: passwordHash(password, "SHA-512", saltValue, 100000)! } };
}

/** Whether a password opens a sheet's protection (its `<sheetProtection>` attributes; no hash: no password needed). */
export function passwordMatches(p: Record<string, string> | null | undefined, password: string | undefined): boolean {
  if (p?.hashValue) {
    if (password === undefined || !p.saltValue) return false;
    return passwordHash(password, p.algorithmName ?? "SHA-512", p.saltValue, Number(p.spinCount ?? 100000)) === p.hashValue;
  }
  return true;
}
