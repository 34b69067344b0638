import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estate, type Estate } from '../../../../test/fixture.js';
import { startPlatform, type TestPlatform } from '../../../../test/helpers.js';
import type { TenantScope } from '../../../kernel/context.js';
import type { JobContext } from '../../../kernel/jobs/job.js';
import { postCharge } from '../ledger/index.js';
import { recordPayment } from '../ledger/index.js';

/** The text a PDF shows: its content streams inflated, the hex strings pdfkit writes decoded. */
function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const texts: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const hex of content.matchAll(/<([0-9a-fA-F]+)>/g)) texts.push(Buffer.from(hex[1]!, 'hex').toString('latin1'));
  }
  // The standard fonts are WinAnsi-encoded: the euro sign is byte 0x80 there.
  return texts.join('').replaceAll('\x80', '€');
}

/** A link the API gave (`/api/v1/...`), followed as the tenant's owner or another login. */
const follow = (tenant: Estate, url: string) => tenant.api('GET', url.replace(/^\/api\/v1/, ''));

async function seedMoney(tenant: Estate) {
  const member = (firstName: string, email: string | null) => tenant.newMember({ firstName, lastName: 'Statement', type: 'owner', ...(email ? { email } : {}) });
  const ada = await member('Ada', 'ada@oak.test');
  const bob = await member('Bob', null);
  await tenant.tx(async (db) => {
    const s = { db, tenant: { id: tenant.id } } as TenantScope;
    await postCharge(s, { memberId: ada, kind: 'levy', description: 'Levy January', amount: 12_345, currency: 'EUR', periodStart: '2026-01-01', dueDate: '2026-01-31' });
    await postCharge(s, { memberId: ada, kind: 'levy', description: 'Levy February', amount: 12_345, currency: 'EUR', periodStart: '2026-02-01', dueDate: '2026-02-28' });
    await recordPayment(s, { memberId: ada, method: 'bank_transfer', amount: 20_000, currency: 'EUR', receivedOn: '2026-02-14', reference: 'ADA-VALENTINE' });
    await postCharge(s, { memberId: bob, kind: 'rent', description: 'Rent February', amount: 90_000, currency: 'EUR', periodStart: '2026-02-01', dueDate: '2026-02-05' });
  });
  return { ada, bob };
}

describe('statements kept in a local directory', () => {
  let t: TestPlatform;
  let oak: Estate;
  let ada: string;
  let bob: string;

  beforeAll(async () => {
    t = await startPlatform();
    oak = await estate(t, { slug: 'oak' });
    expect((await t.call('PATCH', '/control/v1/tenants/oak', { token: await t.platformToken(), body: { name: 'Oak Estate' } })).statusCode).toBe(200);
    ({ ada, bob } = await seedMoney(oak));
  });
  afterAll(() => t?.close());

  it('generates a statement with its figures and a branded PDF that shows them, and downloads it', async () => {
    const res = await oak.api('POST', '/finance/statements', { memberId: ada, from: '2026-02-01', to: '2026-02-28' });
    expect(res.statusCode, res.body).toBe(201);
    const record = res.json();
    // January's levy opens the month; February's levy and the payment move it.
    expect(record.summary).toEqual([{ currency: 'EUR', opening: 12_345, charges: 12_345, credits: 20_000, closing: 4_690 }]);
    expect(record.downloadUrl).toBe(`/api/v1/finance/statements/${record.id}/pdf`);

    const pdf = await follow(oak, record.downloadUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBe(record.pdfBytes);
    const text = pdfText(pdf.rawPayload);
    for (const shown of ['Ada Statement', 'ada@oak.test', 'Statement 2026-02-01 to 2026-02-28', 'Opening balance', 'Levy February', '€123.45', '€200.00', 'Closing balance (to pay)', '€46.90']) expect(text).toContain(shown);

    // Generated again (a late correction), the statement keeps its id and shows the new figures.
    const again = (await oak.api('POST', '/finance/statements', { memberId: ada, from: '2026-02-01', to: '2026-02-28' })).json();
    expect(again.id).toBe(record.id);
  });

  it("chains one month's closing balance into the next month's opening balance", async () => {
    const jan = (await oak.api('POST', '/finance/statements', { memberId: ada, from: '2026-01-01', to: '2026-01-31' })).json();
    const feb = (await oak.api('GET', `/finance/statements?memberId=${ada}`)).json().data.find((s: { from: string }) => s.from === '2026-02-01');
    expect(jan.summary[0].closing).toBe(feb.summary[0].opening);
  });

  it('refuses a backwards period and an unknown member', async () => {
    expect((await oak.api('POST', '/finance/statements', { memberId: ada, from: '2026-02-01', to: '2026-01-01' })).statusCode).toBe(400);
    expect((await oak.api('POST', '/finance/statements', { memberId: oak.id, from: '2026-01-01', to: '2026-01-31' })).statusCode).toBe(404);
  });

  it('issues last month’s statements on the 1st, e-mails members with an address once, and does it once however often it runs', async () => {
    const job = t.platform.modules.get('finance')!.jobs!.find((j) => j.name === 'finance.statements')!;
    expect(job.schedule).toEqual({ cron: '0 5 1 * *', perTenant: true, tenantLocal: true });
    const ctx: JobContext = { ...t.platform.jobs.context(), now: () => new Date('2026-03-01T05:00:00Z') };
    const run = () => job.handler({ id: 'tick', name: job.name, data: { tenantId: oak.id }, retryCount: 0 }, ctx);
    await run();
    await run();

    const statements = (await oak.api('GET', '/finance/statements?limit=200')).json().data.filter((s: { from: string }) => s.from === '2026-02-01');
    expect(statements.map((s: { memberId: string }) => s.memberId).sort()).toEqual([ada, bob].sort());
    const adas = statements.find((s: { memberId: string }) => s.memberId === ada);
    const bobs = statements.find((s: { memberId: string }) => s.memberId === bob);
    expect(adas.emailedAt).not.toBeNull();
    expect(bobs.emailedAt).toBeNull(); // no e-mail address
    expect(bobs.summary).toEqual([{ currency: 'EUR', opening: 0, charges: 90_000, credits: 0, closing: 90_000 }]);

    const mail = (await oak.api('GET', '/mail/messages?limit=200')).json().data.filter((m: { to: { email: string } | string }) => JSON.stringify(m).includes('ada@oak.test'));
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: 'notification', to: { email: 'ada@oak.test', name: 'Ada Statement' } });
  });

  it('shows a portal member their own statements and downloads, and 404 for anyone else’s', async () => {
    const as = oak.as(await oak.newPortalUser(ada, 'ada.portal@oak.test'));
    const mine = (await as.api('GET', '/finance/statements')).json().data;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s: { memberId: string }) => s.memberId === ada)).toBe(true);
    expect((await follow(as, mine[0].downloadUrl)).statusCode).toBe(200);
    // Asking for Bob's by filter still lists only her own.
    expect((await as.api('GET', `/finance/statements?memberId=${bob}`)).json().data.every((s: { memberId: string }) => s.memberId === ada)).toBe(true);
    const bobs = (await oak.api('GET', `/finance/statements?memberId=${bob}`)).json().data[0];
    for (const url of [`/api/v1/finance/statements/${bobs.id}`, bobs.downloadUrl]) {
      const res = await follow(as, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body).not.toContain('Rent February');
    }
    expect((await as.api('POST', '/finance/statements', { memberId: ada, from: '2026-02-01', to: '2026-02-28' })).statusCode).toBe(403);
  });
});

describe('statements kept in an S3-compatible bucket', () => {
  let s3: S3rver;
  let dir: string;
  let endpoint: string;
  let t: TestPlatform;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'courtyard-s3-'));
    s3 = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'courtyard-statements', configs: [] }] });
    const { port } = await s3.run();
    endpoint = `http://127.0.0.1:${port}`;
    t = await startPlatform({ config: { s3Bucket: 'courtyard-statements', s3Endpoint: endpoint, s3Region: 'us-east-1', s3AccessKeyId: 'S3RVER', s3SecretAccessKey: 'S3RVER' } });
  });
  afterAll(async () => {
    await t?.close();
    await s3?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('puts the PDF in the bucket under the tenant, and serves it back through the API', async () => {
    const elm = await estate(t, { slug: 'elm' });
    const { ada } = await seedMoney(elm);
    const record = (await elm.api('POST', '/finance/statements', { memberId: ada, from: '2026-01-01', to: '2026-02-28' })).json();
    const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
    const object = await client.send(new GetObjectCommand({ Bucket: 'courtyard-statements', Key: `tenants/${elm.id}/statements/${ada}/2026-01-01_2026-02-28.pdf` }));
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    client.destroy();
    expect(object.ContentType).toBe('application/pdf');
    expect(stored.length).toBe(record.pdfBytes);
    const downloaded = await follow(elm, record.downloadUrl);
    expect(downloaded.rawPayload.equals(stored)).toBe(true);
  });
});
