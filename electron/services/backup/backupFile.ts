import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import * as z from 'zod';
import { isPlainDatabaseFile } from '../../db/cipher';
import { auditHeadSchema } from '../audit/auditAnchor';

/**
 * A backup file: one line naming the format, one line of JSON manifest, then the encrypted
 * database. The manifest says what the backup is (SHA-256 and size of the database bytes, app and
 * schema version, the newest audit entry, which key it needs) and is itself sealed with the clinic's
 * manifest key, so it is checked before anything else is trusted: a changed byte, a cut-short copy
 * or a manifest written by someone without the key is refused.
 */
const magic = 'FOOT-SCREENING-BACKUP 1\n';
const maxManifestBytes = 16 * 1024;

export const manifestSchema = z.object({
  format: z.literal(1),
  createdAt: z.string(),
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  /** Fingerprint of the key the database is encrypted with (not the key). */
  keyId: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().min(0),
  auditHead: auditHeadSchema.nullable(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
export type UnsealedManifest = Omit<BackupManifest, 'mac'>;

export function sealManifest(m: UnsealedManifest, manifestKey: Buffer): BackupManifest {
  return { ...m, mac: macOf(m, manifestKey) };
}

function macOf(m: UnsealedManifest, manifestKey: Buffer): string {
  const fields = [m.format, m.createdAt, m.appVersion, m.schemaVersion, m.keyId, m.sha256, m.bytes, m.auditHead];
  return createHmac('sha256', manifestKey).update(JSON.stringify(fields)).digest('hex');
}

export function manifestSealIsValid(m: BackupManifest, manifestKey: Buffer): boolean {
  const { mac, ...rest } = m;
  return timingSafeEqual(Buffer.from(macOf(rest, manifestKey), 'hex'), Buffer.from(mac, 'hex'));
}

/** Writes `target` as manifest + the database file's bytes. */
export async function writeBackupFile(target: string, databaseCopy: string, manifest: (sha256: string, bytes: number) => BackupManifest): Promise<void> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(databaseCopy), hash);
  const bytes = fs.statSync(databaseCopy).size;
  const header = Buffer.from(`${magic}${JSON.stringify(manifest(hash.digest('hex'), bytes))}\n`, 'utf8');
  const out = fs.openSync(target, 'w', 0o600);
  try {
    fs.writeSync(out, header);
    const input = fs.openSync(databaseCopy, 'r');
    try {
      const chunk = Buffer.alloc(1 << 20);
      for (;;) {
        const n = fs.readSync(input, chunk, 0, chunk.length, null);
        if (n === 0) break;
        fs.writeSync(out, chunk, 0, n);
      }
    } finally {
      fs.closeSync(input);
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(out);
  }
}

export type BackupFileKind =
  | { kind: 'manifest'; manifest: BackupManifest; offset: number }
  /** A plain SQLite file: a backup made before backups were encrypted. */
  | { kind: 'plain-database' }
  | { kind: 'bad-manifest'; message: string }
  | { kind: 'unknown' };

export function readBackupKind(file: string): BackupFileKind {
  if (isPlainDatabaseFile(file)) return { kind: 'plain-database' };
  const fd = fs.openSync(file, 'r');
  let head: Buffer;
  try {
    head = Buffer.alloc(maxManifestBytes);
    head = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0));
  } finally {
    fs.closeSync(fd);
  }
  if (!head.subarray(0, magic.length).equals(Buffer.from(magic, 'utf8'))) return { kind: 'unknown' };
  const end = head.indexOf(0x0a, magic.length);
  if (end < 0) return { kind: 'bad-manifest', message: 'its manifest is cut short' };
  try {
    const manifest = manifestSchema.parse(JSON.parse(head.subarray(magic.length, end).toString('utf8')));
    return { kind: 'manifest', manifest, offset: end + 1 };
  } catch {
    return { kind: 'bad-manifest', message: 'its manifest is not readable' };
  }
}

/** Copies the database part out of a backup file, returning its SHA-256 and size. */
export async function extractDatabase(file: string, offset: number, target: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const out = fs.createWriteStream(target, { mode: 0o600 });
  const input = fs.createReadStream(file, { start: offset });
  input.on('data', (chunk) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  await pipeline(input, out);
  return { sha256: hash.digest('hex'), bytes };
}
