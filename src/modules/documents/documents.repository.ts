import { sql, type Kysely } from 'kysely';
import { containsPattern } from '../../kernel/db/like.js';
import { anyUuid, tablesOf, type Db } from '../../kernel/db/tables.js';
import { newId } from '../../kernel/ids.js';
import type { CreateDocument, CreateFolder, Folder, ListDocumentsQuery, UpdateDocument, Version } from './documents.schemas.js';
import type { DocumentsTables } from './documents.tables.js';

const documentColumns = ['id', 'folderId', 'title', 'category', 'tags', 'effectiveDate', 'audience', 'currentVersion', 'createdAt', 'updatedAt'] as const;
const versionColumns = ['version', 'size', 'sha256', 'contentType', 'fileName', 'uploadedBy', 'uploadedAt'] as const;

export interface DocumentRow {
  id: string;
  folderId: string | null;
  title: string;
  category: string | null;
  tags: string[];
  effectiveDate: string | null;
  audience: string;
  currentVersion: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewVersion {
  documentId: string;
  objectKey: string;
  size: number;
  sha256: string;
  contentType: string;
  fileName: string;
  uploadedBy: string | null;
}

const asVersion = (row: { size: number | string } & Omit<Version, 'size'>): Version => ({ ...row, size: Number(row.size) });

/** Documents SQL; runs inside the tenant transaction, so RLS scopes every statement. */
export class DocumentsRepository {
  private readonly db: Kysely<DocumentsTables>;

  constructor(db: Db) {
    this.db = tablesOf<DocumentsTables>(db);
  }

  folders(): Promise<Folder[]> {
    return this.db.selectFrom('documentFolders').select(['id', 'parentId', 'name', 'createdAt']).orderBy('name').orderBy('id').execute();
  }

  async folderExists(id: string): Promise<boolean> {
    return (await this.db.selectFrom('documentFolders').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async insertFolder(tenantId: string, input: CreateFolder): Promise<Folder> {
    return this.db.insertInto('documentFolders').values({ tenantId, id: newId(), name: input.name, parentId: input.parentId ?? null })
      .returning(['id', 'parentId', 'name', 'createdAt']).executeTakeFirstOrThrow();
  }

  /** Removes an empty folder: 'missing', 'not_empty' or 'deleted'. */
  async deleteFolder(id: string): Promise<'missing' | 'not_empty' | 'deleted'> {
    if (!(await this.folderExists(id))) return 'missing';
    const child = await this.db.selectFrom('documentFolders').select('id').where('parentId', '=', id).executeTakeFirst();
    const doc = await this.db.selectFrom('documents').select('id').where('folderId', '=', id).executeTakeFirst();
    if (child || doc) return 'not_empty';
    await this.db.deleteFrom('documentFolders').where('id', '=', id).execute();
    return 'deleted';
  }

  async find(id: string, audiences?: readonly string[]): Promise<DocumentRow | undefined> {
    let q = this.db.selectFrom('documents').select(documentColumns).where('id', '=', id);
    if (audiences) q = q.where('audience', 'in', audiences);
    return q.executeTakeFirst();
  }

  /** A page of `limit + 1` documents in title order after the keyset `after`; `audiences` confines a portal member. */
  async list(query: ListDocumentsQuery & { limit: number }, after: [string, string] | null, audiences?: readonly string[]): Promise<DocumentRow[]> {
    let q = this.db.selectFrom('documents').select(documentColumns).limit(query.limit + 1);
    if (audiences) q = q.where('audience', 'in', audiences);
    if (query.folderId) q = q.where('folderId', '=', query.folderId);
    if (query.tag) q = q.where(sql<boolean>`tags @> ARRAY[${query.tag}]::text[]`);
    if (query.q) {
      const like = containsPattern(query.q);
      q = q.where((eb) => eb.or([eb('title', 'ilike', like), eb.exists(sql`(SELECT 1 FROM unnest(documents.tags) AS t(tag) WHERE t.tag ILIKE ${like})`)]));
    }
    if (after) q = q.where(sql`(title, id)`, '>', sql`(${after[0]}, ${after[1]}::uuid)`);
    return q.orderBy('title').orderBy('id').execute();
  }

  async insert(tenantId: string, input: CreateDocument): Promise<DocumentRow> {
    return this.db.insertInto('documents').values({
      tenantId, id: newId(), title: input.title, category: input.category ?? null, tags: input.tags ?? [],
      effectiveDate: input.effectiveDate ?? null, folderId: input.folderId ?? null, audience: input.audience ?? 'staff',
    }).returning(documentColumns).executeTakeFirstOrThrow();
  }

  async update(id: string, patch: UpdateDocument): Promise<DocumentRow | undefined> {
    return this.db.updateTable('documents').set({ ...patch, updatedAt: sql`now()` }).where('id', '=', id).returning(documentColumns).executeTakeFirst();
  }

  /** Adds the next version and makes it current; the row lock orders concurrent uploads to one document. */
  async addVersion(tenantId: string, v: NewVersion): Promise<Version | undefined> {
    const doc = await this.db.updateTable('documents').set({ currentVersion: sql`current_version + 1`, updatedAt: sql`now()` })
      .where('id', '=', v.documentId).returning('currentVersion').executeTakeFirst();
    if (!doc) return undefined;
    const row = await this.db.insertInto('documentVersions').values({ tenantId, ...v, version: doc.currentVersion })
      .returning(versionColumns).executeTakeFirstOrThrow();
    return asVersion(row);
  }

  async versions(documentId: string): Promise<(Version & { objectKey: string })[]> {
    const rows = await this.db.selectFrom('documentVersions').select([...versionColumns, 'objectKey']).where('documentId', '=', documentId).orderBy('version', 'desc').execute();
    return rows.map(asVersion) as (Version & { objectKey: string })[];
  }

  async version(documentId: string, version: number): Promise<(Version & { objectKey: string }) | undefined> {
    const row = await this.db.selectFrom('documentVersions').select([...versionColumns, 'objectKey']).where('documentId', '=', documentId).where('version', '=', version).executeTakeFirst();
    return row && (asVersion(row) as Version & { objectKey: string });
  }

  /** The current version of each of `ids` that has one. */
  async currentVersions(ids: readonly string[]): Promise<Map<string, Version>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('documentVersions as v').innerJoin('documents as d', (j) => j.onRef('d.id', '=', 'v.documentId').onRef('d.currentVersion', '=', 'v.version'))
      .select(['v.documentId', 'v.version', 'v.size', 'v.sha256', 'v.contentType', 'v.fileName', 'v.uploadedBy', 'v.uploadedAt'])
      .where('v.documentId', '=', anyUuid(ids)).execute();
    return new Map(rows.map(({ documentId, ...v }) => [documentId, asVersion(v)]));
  }

  async usage(): Promise<{ bytes: number; documents: number; versions: number }> {
    const v = await this.db.selectFrom('documentVersions').select((eb) => [eb.fn.coalesce(eb.fn.sum<string>('size'), sql<string>`0`).as('bytes'), eb.fn.countAll<string>().as('versions')]).executeTakeFirstOrThrow();
    const d = await this.db.selectFrom('documents').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    return { bytes: Number(v.bytes), versions: Number(v.versions), documents: Number(d.n) };
  }
}
