/**
 * UUIDv7 (RFC 9562): time-ordered, so ids sort by creation and stay stable across exports. Ids
 * made in the same millisecond stay in order too: the 12-bit rand_a field is a counter (RFC 9562
 * method 1) that starts at a random value below 2048 each millisecond.
 */

/** Random bytes drawn in bulk: one getRandomValues call per 256 ids, not one per id. */
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let poolNext = POOL_IDS;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

let lastMs = -1;
let counter = 0;

export function newId(now: number = Date.now()): string {
  if (poolNext === POOL_IDS) {
    globalThis.crypto.getRandomValues(pool);
    poolNext = 0;
  }
  const bytes = pool.subarray(poolNext * 16, poolNext * 16 + 16);
  poolNext++;
  if (now <= lastMs) {
    // Same (or an earlier, clock stepped back) millisecond: continue the sequence.
    now = lastMs;
    counter++;
    if (counter > 0xfff) {
      now = ++lastMs;
      counter = ((bytes[6] << 8) | bytes[7]) & 0x7ff;
    }
  } else {
    lastMs = now;
    counter = ((bytes[6] << 8) | bytes[7]) & 0x7ff;
  }
  bytes[6] = counter >> 8;
  bytes[7] = counter & 0xff;
  let ms = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  let out = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += '-';
    out += HEX[bytes[i]];
  }
  return out;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Random hex string of `bytes` bytes (for per-forum secrets and session tokens). */
export function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}
