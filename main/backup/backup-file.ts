// The backup file: a readable header, then the database, gzipped and
// encrypted with AES-256-GCM (Node's crypto, streamed: a large database never
// sits in memory whole).
//
//   "HIMSBAK1"  8 bytes
//   header length  uint32, big-endian
//   header  JSON, UTF-8: format and app versions, schema, when, which counter,
//           the audit chain head, the IV, the key's fingerprint, the key
//           wrapped under the recovery code. No patient data.
//   body    AES-256-GCM(gzip(counter.sqlite)), with magic + length + header
//           as additional authenticated data: an edited header fails too.
//   tag     16 bytes
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { ChainHead } from '../audit/audit-chain';
import type { WrappedKey } from './backup-key';

export const MAGIC = Buffer.from('HIMSBAK1', 'ascii');
export const BACKUP_FORMAT = 1;
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 64 * 1024;

export interface BackupHeader {
  format: number;
  app: 'hims-counter';
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  counterId: string;
  counterLetter: string;
  hospitalCode: string;
  auditHead: ChainHead | null;
  /** Size of the database file inside, so a restore can check the disk has room. */
  databaseBytes: number;
  cipher: 'aes-256-gcm';
  compression: 'gzip';
  iv: string;
  keyId: string;
  recovery: WrappedKey | null;
}

export class BackupFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFileError';
  }
}

function headerBytes(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, length, json]);
}

/**
 * Encrypts `databaseFile` into `outFile`: written beside it as .partial,
 * flushed to the disk, then renamed, so the folder never holds half a backup
 * under a backup's name.
 */
export async function writeBackupFile(
  databaseFile: string,
  outFile: string,
  header: Omit<BackupHeader, 'iv' | 'cipher' | 'compression' | 'format' | 'app'>,
  key: Buffer,
): Promise<number> {
  const iv = randomBytes(12);
  const full: BackupHeader = {
    format: BACKUP_FORMAT,
    app: 'hims-counter',
    cipher: 'aes-256-gcm',
    compression: 'gzip',
    iv: iv.toString('base64'),
    ...header,
  };
  const prefix = headerBytes(full);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(prefix);
  const partial = `${outFile}.partial`;
  try {
    const out = createWriteStream(partial, { mode: 0o600 });
    out.write(prefix);
    const appendTag = new Transform({
      transform: (chunk, _enc, done) => done(null, chunk),
      flush(done) {
        this.push(cipher.getAuthTag());
        done();
      },
    });
    await pipeline(createReadStream(databaseFile), createGzip({ level: 6 }), cipher, appendTag, out);
    // Flushed to the disk before it takes a backup's name; asynchronously, so the counter keeps serving meanwhile.
    const handle = await open(partial, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    renameSync(partial, outFile);
    return statSync(outFile).size;
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  }
}

/** The header, read and checked without any key. */
export function readBackupHeader(file: string): { header: BackupHeader; bodyStart: number; size: number } {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new BackupFileError('The backup file cannot be read.');
  }
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(12);
    if (readSync(fd, start, 0, 12, 0) !== 12 || !start.subarray(0, 8).equals(MAGIC))
      throw new BackupFileError('This is not a HIMS Counter backup file.');
    const length = start.readUInt32BE(8);
    if (length > MAX_HEADER_BYTES || 12 + length + TAG_BYTES > size)
      throw new BackupFileError('The backup file is damaged (header).');
    const json = Buffer.alloc(length);
    readSync(fd, json, 0, length, 12);
    let header: BackupHeader;
    try {
      header = JSON.parse(json.toString('utf8')) as BackupHeader;
    } catch {
      throw new BackupFileError('The backup file is damaged (header).');
    }
    if (header.app !== 'hims-counter' || typeof header.schemaVersion !== 'number' || typeof header.iv !== 'string')
      throw new BackupFileError('This is not a HIMS Counter backup file.');
    return { header, bodyStart: 12 + length, size };
  } finally {
    closeSync(fd);
  }
}

/**
 * Decrypts into `outFile` (a plain SQLite file). GCM's tag is checked at the
 * end: a wrong key or a file changed anywhere throws, and `outFile` is removed.
 */
export async function decryptBackupFile(file: string, key: Buffer, outFile: string): Promise<BackupHeader> {
  const { header, bodyStart, size } = readBackupHeader(file);
  const fd = openSync(file, 'r');
  const prefix = Buffer.alloc(bodyStart);
  const tag = Buffer.alloc(TAG_BYTES);
  try {
    readSync(fd, prefix, 0, bodyStart, 0);
    readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.iv, 'base64'));
  decipher.setAAD(prefix);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      createReadStream(file, { start: bodyStart, end: size - TAG_BYTES - 1 }),
      decipher,
      createGunzip(),
      createWriteStream(outFile, { mode: 0o600 }),
    );
  } catch {
    rmSync(outFile, { force: true });
    throw new BackupFileError('The backup file is damaged or was changed after it was written; it cannot be restored.');
  }
  return header;
}
