import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

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
function checkKey(key: string): string {
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

export interface S3Options {
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, R2, Ceph ...); absent for AWS itself. */
  endpoint?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style addressing (`endpoint/bucket/key`), which most S3-compatible services want. */
  forcePathStyle?: boolean;
}

/** A bucket of AWS S3 or an S3-compatible service. */
export class S3ObjectStorage implements ObjectStorage {
  readonly kind = 's3' as const;
  readonly #client: S3Client;

  constructor(private readonly options: S3Options) {
    this.#client = new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle ?? Boolean(options.endpoint),
      ...(options.accessKeyId && options.secretAccessKey ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } } : {}),
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.#client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key), Body: body, ContentType: contentType }));
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      const object = await this.#client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key) }));
      return Buffer.from(await object.Body!.transformToByteArray());
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  close(): void {
    this.#client.destroy();
  }
}

/** The storage the configuration names: the bucket when one is set, else `<dataDir>/files`. */
export function objectStorageFor(config: { dataDir: string; s3Bucket?: string; s3Endpoint?: string; s3Region: string; s3AccessKeyId?: string; s3SecretAccessKey?: string }): ObjectStorage {
  if (!config.s3Bucket) return new LocalObjectStorage(join(config.dataDir, 'files'));
  return new S3ObjectStorage({ bucket: config.s3Bucket, region: config.s3Region, endpoint: config.s3Endpoint, accessKeyId: config.s3AccessKeyId, secretAccessKey: config.s3SecretAccessKey });
}
