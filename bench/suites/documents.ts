/**
 * The documents suite: one 200 MB upload streamed through `POST /api/v1/documents/{id}/versions`
 * into the local object storage, then downloaded again through a signed link. The runner records
 * the server's resident memory before the task and its peak (VmHWM) while it ran: the upload
 * and the download stream, so the peak may grow by a few buffers, never by the file's size.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Suite, TaskOutcome } from '../lib/types.js';
import { seconds } from '../lib/util.js';
import { seedMembers, type MembersFixture } from './members.js';

const SIZE = 200 * 1024 * 1024;
const CHUNK = 1024 * 1024;
/** The server's data directory, for the stored file alone (the database is the benchmark's PostgreSQL): removed at the end. */
const DATA_DIR = join(tmpdir(), `courtyard-bench-documents-${process.pid}`);

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/** 200 MB of text, a megabyte at a time, hashed as it is made (nothing of it is kept). */
function body(hash: ReturnType<typeof createHash>): ReadableStream<Uint8Array> {
  const chunk = Buffer.alloc(CHUNK, 'courtyard ');
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= SIZE) return controller.close();
      hash.update(chunk);
      sent += CHUNK;
      controller.enqueue(chunk);
    },
  });
}

async function measure(f: MembersFixture, baseUrl: string, log: (line: string) => void): Promise<TaskOutcome> {
  const tenant = f.tenants[0]!;
  const headers = { authorization: tenant.authorization, 'x-tenant-id': tenant.slug };
  const doc = await json(await fetch(`${baseUrl}/api/v1/documents`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'A large scan' }) }));
  const sent = createHash('sha256');
  const t0 = process.hrtime.bigint();
  const version = await json(await fetch(`${baseUrl}/api/v1/documents/${doc.id as string}/versions`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/octet-stream', 'x-file-name': 'scan.txt' },
    body: body(sent),
    duplex: 'half',
  } as RequestInit));
  const uploadSeconds = seconds(t0);
  const link = await json(await fetch(`${baseUrl}/api/v1/documents/${doc.id as string}/link`, { method: 'POST', headers }));
  const t1 = process.hrtime.bigint();
  const file = await fetch(`${baseUrl}/api/v1${link.url as string}`, { headers: { 'x-tenant-id': tenant.slug } });
  const received = createHash('sha256');
  let bytes = 0;
  for await (const chunk of file.body as unknown as AsyncIterable<Uint8Array>) {
    received.update(chunk);
    bytes += chunk.length;
  }
  const downloadSeconds = seconds(t1);
  const expected = sent.digest('hex');
  const problems: string[] = [];
  if (version.size !== SIZE || version.sha256 !== expected) problems.push(`the stored version is ${String(version.size)} bytes, sha256 ${String(version.sha256)}; sent ${SIZE}, ${expected}`);
  if (bytes !== SIZE || received.digest('hex') !== expected) problems.push(`the download gave ${bytes} bytes that differ from the upload`);
  const mbps = (s: number) => Math.round((SIZE / 1_048_576 / s) * 10) / 10;
  const lines = [`200 MB upload ${uploadSeconds.toFixed(1)} s (${mbps(uploadSeconds)} MB/s), download ${downloadSeconds.toFixed(1)} s (${mbps(downloadSeconds)} MB/s); the server's memory: see the task's resident before and peak`];
  log(`    ${lines[0]}`);
  return { valid: problems.length === 0, summary: { bytes: SIZE, uploadSeconds, downloadSeconds }, lines, problems };
}

export const documentsSuite: Suite<MembersFixture> = {
  name: 'documents',
  description: 'A 200 MB document streamed up and down again: the server\'s peak memory stays near its resting size',
  seed: (env) => seedMembers(env),
  describeFixture: (f) => ({ tenant: f.tenants[0]?.slug, uploadBytes: SIZE }),
  scenarios: [],
  tasks: [{ id: 'a', key: 'documents.upload.200mb', title: 'Upload and download a 200 MB document', server: { kind: 'platform', env: { COURTYARD_MAX_UPLOAD_BYTES: String(SIZE * 2), COURTYARD_DATA_DIR: DATA_DIR } }, run: (f, env) => measure(f, env.baseUrl, env.log) }],
  ratios: [],
  defaults: { tenants: 1, serviceTenants: 1, membersPerTenant: 10 },
  teardown: () => rm(DATA_DIR, { recursive: true, force: true }),
};
