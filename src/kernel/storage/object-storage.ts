import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Where files the platform makes (statement PDFs; documents later) are kept: a local directory
 * by default, an S3-compatible bucket when configured. Keys are paths like
 * `tenants/<tenant id>/statements/<id>.pdf`; callers put the tenant first.
 */
export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>;
  /**
   * Stores a stream without holding it in memory; it lands whole or not at all (a stream that
   * errors half-way leaves no object). Returns its size and SHA-256 (hex).
   */
  putStream(key: string, body: Readable, contentType: string): Promise<StoredObject>;
  /** The object's bytes as a stream, or null when there is no such object. */
  getStream(key: string): Promise<Readable | null>;
  /** Removes the object; nothing happens when there is none. */
  delete(key: string): Promise<void>;
}

export interface StoredObject {
  size: number;
  sha256: string;
}

/** Counts and hashes the bytes passing through, for `putStream`'s answer. */
export function measuring(): Transform & { result(): StoredObject } {
  const hash = createHash('sha256');
  let size = 0;
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  return Object.assign(t, { result: () => ({ size, sha256: hash.digest('hex') }) });
}

/** Writes `body` to a file beside `path`, then renames it into place; the file aside is removed on failure. */
export async function writeAside(path: string, body: Readable): Promise<StoredObject> {
  await mkdir(dirname(path), { recursive: true });
  const aside = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const measure = measuring();
  try {
    await pipeline(body, measure, createWriteStream(aside));
    await rename(aside, path);
  } catch (error) {
    await rm(aside, { force: true });
    throw error;
  }
  return measure.result();
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,500}$/;
export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((part) => part === '..' || part === '.' || part === '')) throw new Error(`invalid object key ${JSON.stringify(key)}`);
  return key;
}

/** Files under a directory; a write lands whole or not at all (written aside, then renamed). */
export class LocalObjectStorage implements ObjectStorage {
  readonly kind = 'local' as const;
  readonly #root: string;

  constructor(root: string) {
    this.#root = resolve(root);
  }

  #path(key: string): string {
    const path = resolve(join(this.#root, checkKey(key)));
    if (!path.startsWith(this.#root + sep)) throw new Error(`object key ${key} leaves the storage directory`);
    return path;
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.#path(key);
    await mkdir(dirname(path), { recursive: true });
    const aside = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(aside, body);
    await rename(aside, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.#path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async putStream(key: string, body: Readable): Promise<StoredObject> {
    return writeAside(this.#path(key), body);
  }

  async getStream(key: string): Promise<Readable | null> {
    const path = this.#path(key);
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return createReadStream(path);
  }

  async delete(key: string): Promise<void> {
    await rm(this.#path(key), { force: true });
  }
}

/** The storage the configuration names: the bucket when one is set, else `<dataDir>/files`. */
export async function objectStorageFor(config: { dataDir: string; s3Bucket?: string; s3Endpoint?: string; s3Region: string; s3AccessKeyId?: string; s3SecretAccessKey?: string }): Promise<ObjectStorage> {
  if (!config.s3Bucket) return new LocalObjectStorage(join(config.dataDir, 'files'));
  // Loaded only when a bucket is configured: the AWS SDK costs about 9 MB of every process's memory.
  const { S3ObjectStorage } = await import('./s3-object-storage.js');
  return new S3ObjectStorage({ bucket: config.s3Bucket, region: config.s3Region, endpoint: config.s3Endpoint, accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey });
}
