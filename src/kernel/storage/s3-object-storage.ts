import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { checkKey, writeAside, type ObjectStorage, type StoredObject } from './object-storage.js';

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
      // A streamed body would otherwise go aws-chunked with a trailing checksum, which several
      // S3-compatible services (s3rver, older MinIO) store framing and all.
      requestChecksumCalculation: 'WHEN_REQUIRED',
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

  /**
   * PutObject needs the length up front, which a request stream does not give: the bytes are
   * spooled to a temporary file (disk, not memory), then sent from it. No extra dependency
   * (lib-storage's multipart upload) for what the upload limit keeps to one part's size.
   */
  async putStream(key: string, body: Readable, contentType: string): Promise<StoredObject> {
    const dir = await mkdtemp(join(tmpdir(), 'courtyard-upload-'));
    try {
      const file = join(dir, 'object');
      const stored = await writeAside(file, body);
      await this.#client.send(new PutObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key), Body: createReadStream(file), ContentLength: stored.size, ContentType: contentType }));
      return stored;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async getStream(key: string): Promise<Readable | null> {
    try {
      const object = await this.#client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key) }));
      return object.Body as Readable;
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await this.#client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: checkKey(key) }));
  }

  close(): void {
    this.#client.destroy();
  }
}
