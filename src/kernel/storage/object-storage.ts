import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';

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
}

/** The storage the configuration names: the bucket when one is set, else `<dataDir>/files`. */
export async function objectStorageFor(config: { dataDir: string; s3Bucket?: string; s3Endpoint?: string; s3Region: string; s3AccessKeyId?: string; s3SecretAccessKey?: string }): Promise<ObjectStorage> {
  if (!config.s3Bucket) return new LocalObjectStorage(join(config.dataDir, 'files'));
  // Loaded only when a bucket is configured: the AWS SDK costs about 9 MB of every process's memory.
  const { S3ObjectStorage } = await import('./s3-object-storage.js');
  return new S3ObjectStorage({ bucket: config.s3Bucket, region: config.s3Region, endpoint: config.s3Endpoint, accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey });
}
