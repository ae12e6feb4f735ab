import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (Node's crypto) and a random 16-byte salt per user. The stored
 * form names its parameters, so they can be raised later without breaking old hashes:
 * `scrypt$N$r$p$<salt base64>$<hash base64>`.
 *
 * Hashing is asynchronous: `crypto.scrypt` runs on libuv's thread pool, so the tens of
 * milliseconds each sign-in costs never hold up the main thread that answers every other request
 * (a few people signing in at once must not freeze a search or a save).
 */
const N = 16384;
const r = 8;
const p = 1;
const keyLength = 64;

function scryptAsync(password: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, keyLength, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, saltText, hashText] = stored.split('$');
  if (scheme !== 'scrypt' || !saltText || !hashText) return false;
  const expected = Buffer.from(hashText, 'base64');
  const actual = await scryptAsync(password, Buffer.from(saltText, 'base64'), expected.length, { N: Number(n), r: Number(rr), p: Number(pp) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * A hash that matches nothing, checked for unknown usernames so they take as long as known ones:
 * the stored form with the same parameters, a random salt and a random 64-byte hash. Checking it
 * costs one scrypt, as for a real account; making it costs none (a real hash of a random password
 * would add a whole scrypt to every start of the app for the same effect).
 */
export const decoyHash = ['scrypt', N, r, p, randomBytes(16).toString('base64'), randomBytes(keyLength).toString('base64')].join('$');

/**
 * Seconds to wait before the next try after `failures` wrong passwords in a row: none for the
 * first three, then 2, 4, 8 ... up to 5 minutes.
 */
export function retryDelaySeconds(failures: number): number {
  if (failures < 3) return 0;
  return Math.min(300, 2 ** (failures - 2));
}
