import { TalliesRepository } from '../../kernel/metering/tallies.repository.js';
import type { Readable } from 'node:stream';
import { principalOf, readScope, type TenantContext } from '../../kernel/context.js';
import { todayIn } from '../../kernel/dates.js';
import { AppError, fieldError, notFound } from '../../kernel/errors.js';
import { decodeCursor, pageOf } from '../../kernel/http/pagination.js';
import type { ObjectStorage, StoredObject } from '../../kernel/storage/object-storage.js';
import { existingMembers } from '../members/index.js';
import { occupiedBy } from '../occupancy/index.js';
import { existingUnits, propertyAncestry, unitLabels } from '../properties/index.js';
import { documentsErrors } from './documents.errors.js';
import type { LinkSigner } from './documents.links.js';
import { DocumentsRepository, type DocumentRow } from './documents.repository.js';
import type { CreateDocument, CreateFolder, Document, Folder, ListDocumentsQuery, UpdateDocument, Version } from './documents.schemas.js';

const READ = 'documents.read';
const repo = (ctx: TenantContext) => new DocumentsRepository(ctx.db);

/**
 * The audiences a portal member belongs to today: every member, themselves, the units they
 * occupy and the properties those units are in (at any depth), and owners when they own one.
 */
async function audiencesOf(ctx: TenantContext, memberId: string): Promise<string[]> {
  const occupied = await occupiedBy(ctx.db, memberId, todayIn(ctx.tenant.timeZone));
  const units = [...new Set(occupied.map((o) => o.unitId))];
  const properties = new Set<string>();
  for (const { propertyId } of (await unitLabels(ctx.db, units)).values()) {
    if (properties.has(propertyId)) continue;
    for (const id of await propertyAncestry(ctx.db, propertyId)) properties.add(id);
  }
  return ['members', `member:${memberId}`, ...(occupied.some((o) => o.role === 'owner') ? ['owners'] : []), ...units.map((u) => `unit:${u}`), ...[...properties].map((p) => `property:${p}`)];
}

/** null for staff (who see everything); a portal member's audiences otherwise. */
async function visibleTo(ctx: TenantContext): Promise<string[] | undefined> {
  const scope = readScope(ctx, READ);
  return scope ? audiencesOf(ctx, scope.memberId) : undefined;
}

async function withCurrent(ctx: TenantContext, rows: DocumentRow[]): Promise<Document[]> {
  const current = await repo(ctx).currentVersions(rows.filter((r) => r.currentVersion > 0).map((r) => r.id));
  return rows.map((r) => ({ ...r, current: current.get(r.id) ?? null }));
}

/** The document as the caller may see it; 404 alike for none and for one not shared with them. */
async function visibleDocument(ctx: TenantContext, id: string): Promise<DocumentRow> {
  const row = await repo(ctx).find(id, await visibleTo(ctx));
  if (!row) throw notFound('The document');
  return row;
}

async function checkAudience(ctx: TenantContext, audience: string | undefined): Promise<void> {
  const [kind, id] = (audience ?? '').split(':');
  if (!id) return;
  const exists = kind === 'unit' ? (await existingUnits(ctx.db, [id])).size > 0
    : kind === 'member' ? (await existingMembers(ctx.db, [id])).size > 0
      : (await propertyAncestry(ctx.db, id)).length > 0;
  if (!exists) throw fieldError('audience', `names no such ${kind}`);
}

async function checkFolder(ctx: TenantContext, folderId: string | null | undefined, field = 'folderId'): Promise<void> {
  if (folderId && !(await repo(ctx).folderExists(folderId))) throw fieldError(field, 'names no such folder');
}

export const listFolders = async (ctx: TenantContext): Promise<{ data: Folder[] }> => ({ data: await repo(ctx).folders() });

export async function createFolder(ctx: TenantContext, input: CreateFolder): Promise<Folder> {
  await checkFolder(ctx, input.parentId, 'parentId');
  return repo(ctx).insertFolder(ctx.tenant.id, input);
}

export async function deleteFolder(ctx: TenantContext, id: string): Promise<void> {
  const result = await repo(ctx).deleteFolder(id);
  if (result === 'missing') throw notFound('The folder');
  if (result === 'not_empty') throw new AppError(documentsErrors.folder_not_empty, 'Move or remove its documents and folders first');
}

export async function listDocuments(ctx: TenantContext, query: ListDocumentsQuery & { limit: number }) {
  const after = decodeCursor(query.cursor, ['string', 'uuid']);
  const rows = await repo(ctx).list(query, after, await visibleTo(ctx));
  const page = pageOf(rows, query.limit, (d) => [d.title, d.id]);
  return { ...page, data: await withCurrent(ctx, page.data) };
}

export async function getDocument(ctx: TenantContext, id: string): Promise<Document> {
  return (await withCurrent(ctx, [await visibleDocument(ctx, id)]))[0]!;
}

export async function createDocument(ctx: TenantContext, input: CreateDocument): Promise<Document> {
  await checkFolder(ctx, input.folderId);
  await checkAudience(ctx, input.audience);
  return { ...(await repo(ctx).insert(ctx.tenant.id, input)), current: null };
}

export async function updateDocument(ctx: TenantContext, id: string, patch: UpdateDocument): Promise<Document> {
  if (!(await repo(ctx).find(id))) throw notFound('The document');
  await checkFolder(ctx, patch.folderId);
  await checkAudience(ctx, patch.audience);
  return (await withCurrent(ctx, [(await repo(ctx).update(id, patch))!]))[0]!;
}

export async function listVersions(ctx: TenantContext, id: string): Promise<{ data: Version[] }> {
  await visibleDocument(ctx, id);
  return { data: (await repo(ctx).versions(id)).map(({ objectKey: _, ...v }) => v) };
}

/** What the upload's body parser stored, before the handler's transaction began. */
export interface Upload extends StoredObject {
  contentType: string;
  fileName: string;
}

/** Records an upload, already stored under `objectKey`, as the document's next version. */
export async function addVersion(ctx: TenantContext, id: string, upload: Upload | undefined, objectKey: string | undefined): Promise<Version> {
  if (!(await repo(ctx).find(id))) throw notFound('The document');
  if (!upload || !objectKey) throw new AppError(documentsErrors.empty_file, 'Send the file as the request body');
  const limitMb = ctx.licence.claims.limits.storageMb;
  if (limitMb !== null && (await new TalliesRepository(ctx.db).lock(ctx.tenant.id, 'storageBytes')) + upload.size > limitMb * 1_048_576) {
    throw new AppError('plan_limit_reached', `The ${ctx.licence.claims.plan} plan allows ${limitMb} MB of documents; upgrade the plan to store more`, { limit: limitMb, resource: 'storageMb' });
  }
  const version = await repo(ctx).addVersion(ctx.tenant.id, { documentId: id, objectKey, size: upload.size, sha256: upload.sha256, contentType: upload.contentType, fileName: upload.fileName, uploadedBy: principalOf(ctx).userId });
  if (!version) throw notFound('The document');
  return version;
}

export async function downloadLink(ctx: TenantContext, signer: LinkSigner, id: string, version: number | undefined) {
  const doc = await visibleDocument(ctx, id);
  const wanted = version ?? doc.currentVersion;
  if (wanted < 1 || !(await repo(ctx).version(id, wanted))) throw notFound('The version');
  const { token, expiresAt } = signer.sign({ tenantId: ctx.tenant.id, documentId: id, version: wanted });
  return { url: `/document-files/${token}`, expiresAt };
}

/** The file a signed link names: its stream (null for HEAD), type and name. */
export async function download(ctx: TenantContext, signer: LinkSigner, storage: ObjectStorage, token: string, head: boolean): Promise<{ body: Readable | null; contentType: string; fileName: string; size: number }> {
  const target = signer.verify(ctx.tenant.id, token);
  if (target === 'expired') throw new AppError(documentsErrors.link_expired);
  if (target === 'invalid') throw new AppError(documentsErrors.link_invalid);
  const version = await repo(ctx).version(target.documentId, target.version);
  if (!version) throw notFound('The document');
  const body = head ? null : await storage.getStream(version.objectKey);
  if (!head && !body) throw notFound('The file');
  return { body, contentType: version.contentType, fileName: version.fileName, size: version.size };
}

export async function usage(ctx: TenantContext) {
  const limitMb = ctx.licence.claims.limits.storageMb;
  return { ...(await repo(ctx).usage()), limitBytes: limitMb === null ? null : limitMb * 1_048_576 };
}
