import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 12 base62 characters = 12 × log2(62) ≈ 71.5 bits from the OS CSPRNG: unguessable, short. */
export const SLUG_LENGTH = 12;
export const SLUG_PATTERN = /^[0-9A-Za-z]{12}$/;

/**
 * A fresh random slug. Rejection sampling keeps every character uniform: bytes ≥ 248
 * (= 4 × 62) are discarded instead of taken modulo 62, which would favour the first 8.
 */
export function newSlug(): string {
  let out = "";
  while (out.length < SLUG_LENGTH) {
    for (const b of randomBytes(SLUG_LENGTH * 2)) {
      if (b < 248 && out.length < SLUG_LENGTH) out += ALPHABET[b % 62];
    }
  }
  return out;
}

export function isSlug(s: string): boolean {
  return SLUG_PATTERN.test(s);
}
