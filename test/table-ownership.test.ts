import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Module walls in SQL: a module reads another module's data only through the read functions
 * the owner exports from its index.ts, never by naming the owner's tables. Each table belongs
 * to the area (module, plane part or kernel) whose migrations create it; a source file may name
 * its own area's tables and the kernel's (the outbox, which every module writes through
 * `emit`). Tests are left out: fixtures may write any table.
 */

const KERNEL = 'kernel';

/** The area a file under src belongs to: a module, a part of a plane, the kernel or the platform. */
export function areaOf(file: string): string {
  const module = /^src\/modules\/([^/]+)\//.exec(file);
  if (module) return module[1]!;
  const dataPart = /^src\/data\/(identity|idempotency|events|metering)\//.exec(file);
  // The outbox and the tallies are the kernel's (emit writes the one, modules' triggers keep
  // the other); the data plane's events and metering migrations create them with the tenant schema.
  if (dataPart) return dataPart[1] === 'events' || dataPart[1] === 'metering' ? KERNEL : dataPart[1]!;
  if (file.startsWith('src/data/')) return 'data';
  if (file.startsWith('src/control/')) return 'control';
  if (file.startsWith('src/kernel/')) return KERNEL;
  return 'platform';
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// The call that names a table, and the name (before any alias): `selectFrom('units as u')`.
const BUILDER = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|mergeInto|innerJoin|leftJoin|rightJoin|fullJoin)\(\s*['"`]([A-Za-z_][\w.]*)/g;
// SQL keywords are written in capitals here, so prose in comments does not match.
const RAW = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+(?:ONLY\s+)?([a-z_][a-z0-9_.]*)/g;

/** Every table a source text names, in snake_case. */
export function tablesNamed(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(BUILDER)) names.add(snake(m[1]!));
  for (const m of text.matchAll(RAW)) names.add(m[1]!);
  return names;
}

async function files(dir: string, pattern: RegExp): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && pattern.test(e.name)).map((e) => relative('.', join(e.parentPath, e.name)));
}

/** Every table the migrations create, mapped to the area whose migrations create it. */
async function owners(): Promise<Map<string, string>> {
  const owner = new Map<string, string>();
  for (const file of await files('src', /^\d{4}_.*\.sql$/)) {
    const text = await readFile(file, 'utf8');
    for (const m of text.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_.]*)/g)) owner.set(m[1]!, areaOf(file));
  }
  return owner;
}

/** `file: table` for each table the file names that its area does not own. */
function crossings(file: string, text: string, owner: Map<string, string>): string[] {
  const area = areaOf(file);
  return [...tablesNamed(text)]
    .filter((table) => owner.has(table) && owner.get(table) !== area && owner.get(table) !== KERNEL)
    .map((table) => `${file}: ${table} (${owner.get(table)})`)
    .sort();
}

describe('module walls in SQL', async () => {
  const owner = await owners();
  const sources = (await files('src', /\.ts$/)).filter((f) => !f.endsWith('.test.ts'));

  it('maps every table to the area whose migrations create it', () => {
    expect(owner.get('members')).toBe('members');
    expect(owner.get('units')).toBe('properties');
    expect(owner.get('lease_renters')).toBe('leases');
    expect(owner.get('outbox')).toBe(KERNEL);
    expect(owner.get('control.tenants')).toBe('control');
    expect(owner.get('users')).toBe('identity');
    expect(owner.get('finance_charges')).toBe('finance');
  });

  it('finds no file under src naming a table its area does not own', async () => {
    const found: string[] = [];
    for (const file of sources) found.push(...crossings(file, await readFile(file, 'utf8'), owner));
    expect(found).toEqual([]);
  });

  it('flags a repository that reads another module’s table, through Kysely or raw SQL', () => {
    const file = 'src/modules/leases/leases.repository.ts';
    expect(crossings(file, `db.selectFrom('leases as l').innerJoin('members as m', 'm.id', 'l.memberId')`, owner)).toEqual([`${file}: members (members)`]);
    expect(crossings(file, 'sql`SELECT u.label FROM units u JOIN lease_renters r ON true`', owner)).toEqual([`${file}: units (properties)`]);
    expect(crossings(file, `db.selectFrom('unitAttachments')`, owner)).toEqual([`${file}: unit_attachments (properties)`]);
    expect(crossings(file, `db.insertInto('leaseNotices'); emit(); sql\`INSERT INTO outbox\``, owner)).toEqual([]);
  });
});
