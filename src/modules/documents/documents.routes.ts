import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams } from '../../kernel/http/schemas.js';
import { newId } from '../../kernel/ids.js';
import type { ObjectStorage } from '../../kernel/storage/object-storage.js';
import type { LinkSigner } from './documents.links.js';
import { CreateDocument, CreateFolder, Document, DocumentPage, DownloadLink, Folder, LinkQuery, ListDocumentsQuery, TokenParams, UpdateDocument, Usage, Version } from './documents.schemas.js';
import { addVersion, createDocument, createFolder, deleteFolder, download, downloadLink, getDocument, listDocuments, listFolders, listVersions, updateDocument, usage, type Upload } from './documents.service.js';
import { sanitiseFileName, tooLarge, UploadGuard } from './documents.upload.js';

const module = 'documents';
const tags = ['documents'];
const read = { module, permission: 'documents.read' };
const own = { module, permission: 'documents.read', own: 'documents.read.own' };
const write = { module, permission: 'documents.write' };

export interface DocumentsDeps {
  storage: ObjectStorage;
  links: LinkSigner;
  maxUploadBytes: number;
  /** The tenant the pipeline resolved a request to, read before the handler's transaction. */
  tenantOf: (request: FastifyRequest) => { id: string };
}

export function documentsRoutes(app: HttpApp, deps: DocumentsDeps): void {
  app.get('/document-folders', {
    config: { access: read },
    schema: { operationId: 'documents.folders.list', tags, summary: 'Every folder, each with its parent (a tree the client draws)', response: { 200: Type.Object({ data: Type.Array(Folder) }) } },
  }, (req) => listFolders(req.ctx));

  app.post('/document-folders', {
    config: { access: write },
    schema: { operationId: 'documents.folders.create', tags, summary: 'Add a folder, at the top or inside another', body: CreateFolder, response: { 201: Folder } },
  }, async (req, reply) => {
    reply.code(201);
    return createFolder(req.ctx, req.body);
  });

  app.delete('/document-folders/:id', {
    config: { access: write },
    schema: { operationId: 'documents.folders.delete', tags, summary: 'Remove an empty folder', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteFolder(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.get('/documents', {
    config: { access: own },
    schema: { operationId: 'documents.list', tags, summary: 'Documents in title order, searchable by title and tag (a portal member sees those shared with them)', querystring: ListDocumentsQuery, response: { 200: DocumentPage } },
  }, (req) => listDocuments(req.ctx, req.query as typeof req.query & { limit: number }));

  app.get('/documents/usage', {
    config: { access: read },
    schema: { operationId: 'documents.usage', tags, summary: 'Bytes of documents stored (every version), and the plan\'s limit', response: { 200: Usage } },
  }, (req) => usage(req.ctx));

  app.post('/documents', {
    config: { access: write },
    schema: { operationId: 'documents.create', tags, summary: 'Add a document (its details; the file is uploaded as its first version)', body: CreateDocument, response: { 201: Document } },
  }, async (req, reply) => {
    reply.code(201);
    return createDocument(req.ctx, req.body);
  });

  app.get('/documents/:id', {
    config: { access: own },
    schema: { operationId: 'documents.get', tags, summary: 'One document with its current version', params: IdParams, response: { 200: Document } },
  }, (req) => getDocument(req.ctx, req.params.id));

  app.patch('/documents/:id', {
    config: { access: write },
    schema: { operationId: 'documents.update', tags, summary: 'Change a document\'s details, folder or audience', params: IdParams, body: UpdateDocument, response: { 200: Document } },
  }, (req) => updateDocument(req.ctx, req.params.id, req.body));

  app.get('/documents/:id/versions', {
    config: { access: own },
    schema: { operationId: 'documents.versions.list', tags, summary: 'Every version of a document, newest first', params: IdParams, response: { 200: Type.Object({ data: Type.Array(Version) }) } },
  }, (req) => listVersions(req.ctx, req.params.id));

  app.post('/documents/:id/link', {
    config: { access: own },
    schema: { operationId: 'documents.link', tags, summary: 'A download link for a version (the current one by default), signed and valid for 5 minutes', params: IdParams, querystring: LinkQuery, response: { 200: DownloadLink } },
  }, (req) => downloadLink(req.ctx, deps.links, req.params.id, req.query.version));

  // The link is the credential: a browser following it sends no bearer token.
  app.get('/document-files/:token', {
    config: { access: { module, public: true } },
    schema: { operationId: 'documents.download', tags, summary: 'Download the file a signed link names', params: TokenParams, response: { 200: { content: { 'application/octet-stream': { schema: Type.String({ format: 'binary' }) } } } } },
  }, async (req, reply) => {
    const file = await download(req.ctx, deps.links, deps.storage, req.params.token, req.method === 'HEAD');
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    reply.type(file.contentType).header('content-length', file.size).header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`);
    return (file.body ?? '') as unknown as string;
  });

  uploadRoute(app, deps);
}

/**
 * Uploads stream straight to storage from the body parser, before the handler's transaction
 * begins (a slow upload holds no database connection); the handler then records the version.
 * An object whose version is not committed (refused, rolled back, replayed) is removed before the
 * response is sent, so nothing is left behind.
 */
function uploadRoute(app: HttpApp, deps: DocumentsDeps): void {
  const staged = new WeakMap<FastifyRequest, { key: string; kept: boolean }>();
  app.register(async (scope) => {
    const files = scope as unknown as HttpApp;
    files.removeAllContentTypeParsers();
    files.addContentTypeParser('*', async (request: FastifyRequest, payload: IncomingMessage): Promise<Upload> => {
      if (Number(request.headers['content-length'] ?? 0) > deps.maxUploadBytes) throw tooLarge(deps.maxUploadBytes);
      const fileName = sanitiseFileName(request.headers['x-file-name'] as string | undefined);
      const key = `tenants/${deps.tenantOf(request).id}/documents/${newId()}`;
      staged.set(request, { key, kept: false });
      const guard = new UploadGuard(deps.maxUploadBytes, fileName);
      // Both settled before answering: a refused upload's file aside is gone when the refusal is sent.
      const [stored, fed] = await Promise.allSettled([deps.storage.putStream(key, guard, 'application/octet-stream'), pipeline(payload, guard)]);
      if (fed.status === 'rejected') throw fed.reason;
      if (stored.status === 'rejected') throw stored.reason;
      return { ...stored.value, contentType: guard.type!, fileName };
    });
    // onSend, not onResponse: the object is gone before the client hears of the refusal. By then
    // the transaction has committed (afterCommit marked the upload kept) or rolled back.
    files.addHook('onSend', async (request, _reply, payload) => {
      const upload = staged.get(request);
      if (upload && !upload.kept) await deps.storage.delete(upload.key).catch((error: unknown) => request.log.warn({ err: error, key: upload.key }, 'could not remove an unrecorded upload'));
      return payload;
    });
    files.post('/documents/:id/versions', {
      config: { access: write },
      bodyLimit: deps.maxUploadBytes,
      schema: {
        operationId: 'documents.versions.create',
        tags,
        summary: 'Upload a new version: the file is the raw request body (any Content-Type; its kind is read from its first bytes), its name in X-File-Name',
        params: IdParams,
        headers: Type.Object({ 'x-file-name': Type.Optional(Type.String({ maxLength: 1000, description: 'The file\'s name, URI-encoded; kept sanitised for the download' })) }),
        response: { 201: Version },
      },
    }, async (req, reply) => {
      const upload = staged.get(req);
      const version = await addVersion(req.ctx, req.params.id, req.body as Upload | undefined, upload?.key);
      req.ctx.afterCommit(() => {
        if (upload) upload.kept = true;
      });
      reply.code(201);
      return version;
    });
  });
}
