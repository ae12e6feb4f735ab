import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { writePrivateFile } from './privateFiles';

/**
 * The clinic's key: 256 random bits made once per database. SQLCipher encrypts the database with
 * it; two sub-keys derived from it (HKDF-SHA-256) seal the audit chain and the backup manifests,
 * so one recovery code restores everything on a new computer.
 *
 * Where it is kept, first found wins:
 * 1. `FOOT_SCREENING_KEY` (64 hex digits): servers and scripted installs;
 * 2. `<database>.key.protected`: the key wrapped by the operating system's credential store
 *    (Electron `safeStorage`: DPAPI, Keychain, libsecret) in the desktop app;
 * 3. `<database>.key`: the key as hex in a file only its owner may read (0600), where no
 *    credential store is available (the loopback harness, the command-line tools).
 */
export interface KeyProtector {
  /** Electron's safeStorage; absent under plain Node. */
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

export type KeySource = 'environment' | 'os-credential-store' | 'key-file';

export interface ClinicKey {
  /** The 32 bytes SQLCipher uses. */
  readonly database: Buffer;
  /** HMAC key of the audit chain and its anchor. */
  readonly audit: Buffer;
  /** HMAC key of backup manifests. */
  readonly manifest: Buffer;
  /** A short public fingerprint: tells two keys apart without revealing either. */
  readonly keyId: string;
  readonly source: KeySource;
}

export type KeyLookup = { kind: 'found'; key: ClinicKey } | { kind: 'none' } | { kind: 'unusable'; message: string };

export const keyEnvironmentVariable = 'FOOT_SCREENING_KEY';
const hexKey = /^[0-9a-f]{64}$/;

export function keyFileFor(dataFile: string): string {
  return `${dataFile}.key`;
}

export function protectedKeyFileFor(dataFile: string): string {
  return `${dataFile}.key.protected`;
}

export function clinicKeyFrom(raw: Buffer, source: KeySource): ClinicKey {
  if (raw.length !== 32) throw new Error('a clinic key is 32 bytes');
  const derive = (purpose: string): Buffer => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), `foot-screening ${purpose}`, 32));
  return {
    database: Buffer.from(raw),
    audit: derive('audit chain'),
    manifest: derive('backup manifest'),
    keyId: createHmac('sha256', raw).update('foot-screening key id').digest('hex').slice(0, 12),
    source,
  };
}

/** Reads a key written as hex (env, key file, recovery code): spaces, dashes and case ignored. */
export function parseKeyCode(text: string): Buffer | null {
  const compact = text.toLowerCase().replace(/[\s-]/g, '');
  return hexKey.test(compact) ? Buffer.from(compact, 'hex') : null;
}

/** The key as the recovery sheet prints it: 16 groups of 4 hex digits. */
export function recoveryCodeOf(key: ClinicKey): string {
  return (key.database.toString('hex').match(/.{4}/g) ?? []).join('-');
}

/** The single key lookup every tool uses (desktop app, harness, demo data, bench). */
export function findClinicKey(dataFile: string, protector?: KeyProtector): KeyLookup {
  const fromEnv = process.env[keyEnvironmentVariable];
  if (fromEnv !== undefined && fromEnv !== '') {
    const raw = parseKeyCode(fromEnv);
    return raw
      ? { kind: 'found', key: clinicKeyFrom(raw, 'environment') }
      : { kind: 'unusable', message: `${keyEnvironmentVariable} is set but is not a key: it must be 64 hexadecimal digits.` };
  }
  const sealedFile = protectedKeyFileFor(dataFile);
  if (fs.existsSync(sealedFile)) {
    if (!protector?.isEncryptionAvailable()) {
      return { kind: 'unusable', message: "The database key is stored in this computer's credential store, which is not available to this program." };
    }
    try {
      const raw = parseKeyCode(protector.decryptString(fs.readFileSync(sealedFile)));
      if (raw) return { kind: 'found', key: clinicKeyFrom(raw, 'os-credential-store') };
    } catch {
      // Falls through to the message below: a credential store of another user or computer.
    }
    return { kind: 'unusable', message: "The database key could not be unlocked with this computer's credential store (was the data folder copied from another user or computer?)." };
  }
  const keyFile = keyFileFor(dataFile);
  if (fs.existsSync(keyFile)) {
    const raw = parseKeyCode(fs.readFileSync(keyFile, 'utf8'));
    return raw ? { kind: 'found', key: clinicKeyFrom(raw, 'key-file') } : { kind: 'unusable', message: 'The database key file is damaged.' };
  }
  return { kind: 'none' };
}

/** Keeps a key for this database (a new one, or one typed from a recovery sheet). */
export function storeClinicKey(dataFile: string, raw: Buffer, protector?: KeyProtector): ClinicKey {
  if (process.env[keyEnvironmentVariable]) return clinicKeyFrom(raw, 'environment');
  const hex = raw.toString('hex');
  if (protector?.isEncryptionAvailable()) {
    writePrivateFile(protectedKeyFileFor(dataFile), protector.encryptString(hex));
    fs.rmSync(keyFileFor(dataFile), { force: true });
    return clinicKeyFrom(raw, 'os-credential-store');
  }
  writePrivateFile(keyFileFor(dataFile), `${hex}\n`);
  return clinicKeyFrom(raw, 'key-file');
}

export function newClinicKey(dataFile: string, protector?: KeyProtector): ClinicKey {
  return storeClinicKey(dataFile, randomBytes(32), protector);
}

/** Moves the stored key aside with the database it belongs to (a restore that brings its own key). */
export function keepKeyAside(dataFile: string, suffix: string): void {
  for (const file of [keyFileFor(dataFile), protectedKeyFileFor(dataFile)]) {
    if (fs.existsSync(file)) fs.renameSync(file, `${file}.${suffix}`);
  }
}
