import type { FastifyRequest } from 'fastify';
import { defineModule, type ModuleManifest } from '../../kernel/modules/manifest.js';
import type { ObjectStorage } from '../../kernel/storage/object-storage.js';
import { documentsErrors } from './documents.errors.js';
import { LinkSigner } from './documents.links.js';
import { documentsRoutes } from './documents.routes.js';

export interface DocumentsOptions {
  storage: ObjectStorage;
  /** The platform secret download links are signed with (a key derived from it). */
  linkSecret: string;
  /** The data plane's `requestTenant`: uploads are stored, keyed by tenant, before the handler runs. */
  tenantOf: (request: FastifyRequest) => { id: string };
  /** COURTYARD_MAX_UPLOAD_BYTES. */
  maxUploadBytes: number;
  /** Seconds a download link stays valid (5 minutes). */
  linkTtl?: number;
  /** The current time; tests inject a clock. */
  now?: () => Date;
}

/** The `documents` module: a library of folders and versioned files, each shared with an audience. */
export function documentsModule(options: DocumentsOptions): ModuleManifest {
  const links = new LinkSigner(options.linkSecret, options.linkTtl ?? 300, options.now);
  return defineModule({
    key: 'documents',
    name: 'Documents',
    description: 'The library: folders of versioned documents, each shared with staff, members, owners, a unit, a property or one member.',
    dependencies: ['core', 'members', 'properties', 'occupancy'],
    includedIn: 'all',
    permissions: [
      { key: 'documents.read', description: 'See every document and folder, and download them' },
      { key: 'documents.write', description: 'Add folders and documents, upload versions, share them' },
      { key: 'documents.read.own', description: 'See and download the documents shared with one (portal)' },
    ],
    defaultGrants: {
      manager: ['documents.read', 'documents.write'],
      staff: ['documents.read', 'documents.write'],
      member: ['documents.read.own'],
    },
    migrations: new URL('./migrations/', import.meta.url),
    errors: documentsErrors,
    routes: (app) => documentsRoutes(app, { storage: options.storage, links, maxUploadBytes: options.maxUploadBytes, tenantOf: options.tenantOf }),
  });
}
export { existingDocuments } from './documents.reads.js';
