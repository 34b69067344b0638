import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { IsoDate } from '../../kernel/dates.js';

/** The tables `migrations/` creates, as the documents repository sees them (camelCase). */
export interface DocumentsTables {
  documentFolders: {
    tenantId: TenantKey;
    id: string;
    parentId: string | null;
    name: string;
    createdAt: Timestamptz;
  };
  documents: {
    tenantId: TenantKey;
    id: string;
    folderId: string | null;
    title: string;
    category: string | null;
    tags: Generated<string[]>;
    effectiveDate: IsoDate | null;
    audience: Generated<string>;
    currentVersion: Generated<number>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  documentVersions: {
    tenantId: TenantKey;
    documentId: string;
    version: number;
    objectKey: string;
    /** bigint: pg answers a string, PGlite a number. */
    size: ColumnType<number | string, number, never>;
    sha256: string;
    contentType: string;
    fileName: string;
    uploadedBy: string | null;
    uploadedAt: Timestamptz;
  };
}
