import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalObjectStorage, type ObjectStorage } from './object-storage.js';
import { S3ObjectStorage } from './s3-object-storage.js';

let dir: string;
let s3: S3rver;
let local: LocalObjectStorage;
let bucket: S3ObjectStorage;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'courtyard-storage-'));
  local = new LocalObjectStorage(join(dir, 'files'));
  s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: join(dir, 's3'), configureBuckets: [{ name: 'courtyard-files', configs: [] }] });
  const { port } = await s3.run();
  bucket = new S3ObjectStorage({ bucket: 'courtyard-files', region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
});
afterAll(async () => {
  bucket?.close();
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

async function* chunks(count: number, fail = false) {
  for (let i = 0; i < count; i++) yield Buffer.alloc(256 * 1024, i);
  if (fail) throw new Error('the client went away');
}
const read = async (stream: Readable | null) => {
  const parts: Buffer[] = [];
  for await (const part of stream!) parts.push(part as Buffer);
  return Buffer.concat(parts);
};

describe.each([
  ['a local directory', () => local as ObjectStorage],
  ['an S3 bucket', () => bucket as ObjectStorage],
])('streaming objects to %s', (_name, storage) => {
  it('stores a stream with its size and SHA-256, streams it back, and deletes it', async () => {
    const expected = createHash('sha256');
    for await (const c of chunks(8)) expected.update(c);
    const stored = await storage().putStream('tenants/t1/documents/a', Readable.from(chunks(8)), 'text/plain');
    expect(stored).toEqual({ size: 8 * 256 * 1024, sha256: expected.digest('hex') });
    expect(createHash('sha256').update(await read(await storage().getStream('tenants/t1/documents/a'))).digest('hex')).toBe(stored.sha256);
    await storage().delete('tenants/t1/documents/a');
    expect(await storage().getStream('tenants/t1/documents/a')).toBeNull();
    await storage().delete('tenants/t1/documents/a');
  });

  it('stores nothing of a stream that fails half-way', async () => {
    await expect(storage().putStream('tenants/t1/documents/b', Readable.from(chunks(4, true)), 'text/plain')).rejects.toThrow('the client went away');
    expect(await storage().getStream('tenants/t1/documents/b')).toBeNull();
  });
});

it('leaves no file aside in the local directory after a failed stream', async () => {
  expect((await readdir(join(dir, 'files', 'tenants', 't1', 'documents'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});
