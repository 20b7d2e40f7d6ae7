/*
 * SPDX-FileCopyrightText: The civic-diary authors
 * SPDX-License-Identifier: EUPL-1.2
 */
// @ts-check
/*
 * The proof of work's solver (ALTCHA): the number n from 0 to max whose hex SHA-256 of salt + n is
 * the challenge. A plain SHA-256 of one 64-byte block (salt and number fit one), written out rather
 * than crypto.subtle, which answers each hash through a promise (many times slower for this) and is
 * missing on plain-http pages. Imported by the widget, and run as a module Worker from the same
 * source, so the page stays responsive while it counts.
 */

// Int32Array, not Uint32Array: words stay small integers for the JIT instead of turning into doubles.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
const H0 = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

/**
 * Whether the SHA-256 of one padded block (bytes 0-63) is the target.
 * @param {Uint8Array} block
 * @param {Int32Array} w scratch of 64 words
 * @param {Int32Array} target the challenge as eight words
 */
function matches(block, w, target) {
  for (let i = 0; i < 16; i++) {
    w[i] = (block[4 * i] << 24) | (block[4 * i + 1] << 16) | (block[4 * i + 2] << 8) | block[4 * i + 3];
  }
  for (let i = 16; i < 64; i++) {
    const a = w[i - 15];
    const b = w[i - 2];
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
  }
  let a = H0[0]; let b = H0[1]; let c = H0[2]; let d = H0[3];
  let e = H0[4]; let f = H0[5]; let g = H0[6]; let h = H0[7];
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7)))
      + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10)))
      + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  return ((H0[0] + a) | 0) === target[0] && ((H0[1] + b) | 0) === target[1]
    && ((H0[2] + c) | 0) === target[2] && ((H0[3] + d) | 0) === target[3]
    && ((H0[4] + e) | 0) === target[4] && ((H0[5] + f) | 0) === target[5]
    && ((H0[6] + g) | 0) === target[6] && ((H0[7] + h) | 0) === target[7];
}

/**
 * Finds the number, or null when none up to max solves it (or the salt is too long for one block).
 * @param {string} challenge hex SHA-256
 * @param {string} salt ASCII, as the server gave it
 * @param {number} max
 * @returns {number | null}
 */
export function solve(challenge, salt, max) {
  const target = new Int32Array(8);
  for (let i = 0; i < 8; i++) target[i] = parseInt(challenge.slice(8 * i, 8 * i + 8), 16) | 0;
  const prefix = new TextEncoder().encode(salt);
  const block = new Uint8Array(64);
  const w = new Int32Array(64);
  block.set(prefix);
  for (let n = 0; n <= max; n++) {
    const digits = String(n);
    const length = prefix.length + digits.length;
    if (length > 55) return null;
    for (let i = 0; i < digits.length; i++) block[prefix.length + i] = digits.charCodeAt(i);
    block.fill(0, length, 64);
    block[length] = 0x80;
    block[62] = (length * 8) >>> 8;
    block[63] = (length * 8) & 0xff;
    if (matches(block, w, target)) return n;
  }
  return null;
}

// As a Worker: one message {challenge, salt, max} in, the number (or null) out.
const scope = /** @type {any} */ (globalThis);
if (typeof scope.WorkerGlobalScope !== 'undefined' && scope instanceof scope.WorkerGlobalScope) {
  scope.onmessage = (/** @type {MessageEvent} */ event) => {
    scope.postMessage(solve(event.data.challenge, event.data.salt, event.data.max));
  };
}
