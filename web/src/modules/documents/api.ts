import type { CourtyardClient } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';

/** A version of a document, as `GET /documents/{id}/versions` lists it. */
export interface DocumentVersion {
  version: number;
  size: number;
  sha256: string;
  contentType: string;
  fileName: string;
  uploadedBy: string | null;
  uploadedAt: string;
}

export interface LibraryDocument {
  id: string;
  folderId: string | null;
  title: string;
  category: string | null;
  tags: string[];
  effectiveDate: string | null;
  audience: string;
  currentVersion: number;
  current: DocumentVersion | null;
  createdAt: string;
  updatedAt: string;
}

export interface Folder {
  id: string;
  parentId: string | null;
  name: string;
}

type Answer = { data?: unknown; error?: unknown; response: Response };
type Call = (path: string, init?: Record<string, unknown>) => Promise<Answer>;

/**
 * The documents routes through the page's client (its token, language and sign-out on 401),
 * typed by hand here: the generated SDK gains them when it is next generated from the OpenAPI
 * document, and these calls can then move onto its types.
 */
const loose = (api: CourtyardClient) => api as unknown as { GET: Call; POST: Call; PATCH: Call };

export async function listDocuments(api: CourtyardClient, query: { q?: string; tag?: string; folderId?: string; cursor?: string; limit?: number }) {
  return unwrap(await loose(api).GET('/api/v1/documents', { params: { query: { limit: 50, ...query } } })) as { data: LibraryDocument[]; nextCursor: string | null };
}

export async function listFolders(api: CourtyardClient) {
  return (unwrap(await loose(api).GET('/api/v1/document-folders')) as { data: Folder[] }).data;
}

export async function createFolder(api: CourtyardClient, body: { name: string; parentId?: string | null }) {
  return unwrap(await loose(api).POST('/api/v1/document-folders', { body })) as Folder;
}

export async function createDocument(api: CourtyardClient, body: { title: string; folderId?: string | null; category?: string | null; tags?: string[] }) {
  return unwrap(await loose(api).POST('/api/v1/documents', { body })) as LibraryDocument;
}

export async function getDocument(api: CourtyardClient, id: string) {
  return unwrap(await loose(api).GET(`/api/v1/documents/${encodeURIComponent(id)}`)) as LibraryDocument;
}

export async function updateDocument(api: CourtyardClient, id: string, body: Partial<Pick<LibraryDocument, 'title' | 'audience' | 'category' | 'tags' | 'effectiveDate' | 'folderId'>>) {
  return unwrap(await loose(api).PATCH(`/api/v1/documents/${encodeURIComponent(id)}`, { body })) as LibraryDocument;
}

export async function listVersions(api: CourtyardClient, id: string) {
  return (unwrap(await loose(api).GET(`/api/v1/documents/${encodeURIComponent(id)}/versions`)) as { data: DocumentVersion[] }).data;
}

/** Uploads `file` as the document's next version: the raw bytes as the body, streamed by the server to storage. */
export async function uploadVersion(api: CourtyardClient, id: string, file: File) {
  return unwrap(await loose(api).POST(`/api/v1/documents/${encodeURIComponent(id)}/versions`, {
    body: file,
    bodySerializer: (body: unknown) => body,
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
  })) as DocumentVersion;
}

/**
 * Downloads a version: asks for a signed link (5 minutes) and lets the browser follow it, so
 * the file streams to disk instead of through the page's memory.
 */
export async function download(api: CourtyardClient, id: string, version?: number): Promise<void> {
  const answer = await loose(api).POST(`/api/v1/documents/${encodeURIComponent(id)}/link`, { params: { query: version ? { version } : {} } });
  const { url } = unwrap(answer) as { url: string };
  const requested = answer.response.url;
  const link = document.createElement('a');
  link.href = `${requested.slice(0, requested.indexOf('/api/v1/') + '/api/v1'.length)}${url}`;
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}

export const formatSize = (bytes: number, locale: string) =>
  bytes < 1024 ? `${bytes} B` : bytes < 1_048_576 ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1024)} KB` : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;
