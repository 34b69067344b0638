import type { CourtyardClient, operations } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';

type Json<Op extends keyof operations, Status extends number = 200> = operations[Op]['responses'] extends Record<Status, { content: { 'application/json': infer T } }> ? T : never;

/** A version of a document, as `GET /documents/{id}/versions` lists it. */
export type DocumentVersion = Json<'documents.versions.list'>['data'][number];
export type LibraryDocument = Json<'documents.get'>;
export type Folder = Json<'documents.folders.list'>['data'][number];
type DocumentPatch = NonNullable<operations['documents.update']['requestBody']>['content']['application/json'];

const byId = (id: string) => ({ params: { path: { id } } });

export async function listDocuments(api: CourtyardClient, query: { q?: string; tag?: string; folderId?: string; cursor?: string; limit?: number }) {
  return unwrap(await api.GET('/api/v1/documents', { params: { query: { limit: 50, ...query } } }));
}

export async function listFolders(api: CourtyardClient) {
  return unwrap(await api.GET('/api/v1/document-folders')).data;
}

export async function createFolder(api: CourtyardClient, body: { name: string; parentId?: string | null }) {
  return unwrap(await api.POST('/api/v1/document-folders', { body }));
}

export async function createDocument(api: CourtyardClient, body: { title: string; folderId?: string | null; category?: string | null; tags?: string[] }) {
  return unwrap(await api.POST('/api/v1/documents', { body }));
}

export async function getDocument(api: CourtyardClient, id: string) {
  return unwrap(await api.GET('/api/v1/documents/{id}', byId(id)));
}

export async function updateDocument(api: CourtyardClient, id: string, body: DocumentPatch) {
  return unwrap(await api.PATCH('/api/v1/documents/{id}', { ...byId(id), body }));
}

export async function listVersions(api: CourtyardClient, id: string) {
  return unwrap(await api.GET('/api/v1/documents/{id}/versions', byId(id))).data;
}

/** Uploads `file` as the document's next version: the raw bytes as the body, streamed by the server to storage. */
export async function uploadVersion(api: CourtyardClient, id: string, file: File) {
  // The route takes raw bytes, which the OpenAPI document does not describe as a body: sent as is.
  return unwrap(
    await api.POST('/api/v1/documents/{id}/versions', {
      ...byId(id),
      body: file as never,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    }),
  );
}

/**
 * Downloads a version: asks for a signed link (5 minutes) and lets the browser follow it, so
 * the file streams to disk instead of through the page's memory.
 */
export async function download(api: CourtyardClient, id: string, version?: number): Promise<void> {
  const answer = await api.POST('/api/v1/documents/{id}/link', { params: { path: { id }, query: version ? { version } : {} } });
  const { url } = unwrap(answer);
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
