import { Type, type Static } from 'typebox';
import { DateOnly, Nullable, Page, PageQuery, SearchQuery, Timestamp, Uuid } from '../../kernel/http/schemas.js';

const Tag = Type.String({ minLength: 1, maxLength: 40 });

export const Audience = Type.String({
  pattern: '^(staff|members|owners|(unit|property|member):[0-9a-f-]{36})$',
  description: 'Who sees it besides staff: `staff` (no one else), `members` (every member), `owners` (members who own a unit now), `unit:<id>` or `property:<id>` (members living in or owning that unit, or a unit of that property, now), `member:<id>` (one member).',
});

export const Folder = Type.Object({ id: Uuid, parentId: Nullable(Type.String({ format: 'uuid' })), name: Type.String(), createdAt: Timestamp });
export type Folder = Static<typeof Folder>;
export const CreateFolder = Type.Object({ name: Type.String({ minLength: 1, maxLength: 120 }), parentId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))) }, { additionalProperties: false });
export type CreateFolder = Static<typeof CreateFolder>;

export const Version = Type.Object({
  version: Type.Integer(),
  size: Type.Integer({ description: 'Bytes' }),
  sha256: Type.String(),
  contentType: Type.String({ description: 'As sniffed from the first bytes, not as the client said' }),
  fileName: Type.String(),
  uploadedBy: Nullable(Type.String({ format: 'uuid' })),
  uploadedAt: Timestamp,
});
export type Version = Static<typeof Version>;

export const Document = Type.Object({
  id: Uuid,
  folderId: Nullable(Type.String({ format: 'uuid' })),
  title: Type.String(),
  category: Nullable(Type.String()),
  tags: Type.Array(Type.String()),
  effectiveDate: Nullable(Type.String({ format: 'date' })),
  audience: Audience,
  currentVersion: Type.Integer({ description: '0 until a file is uploaded' }),
  current: Nullable(Version),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Document = Static<typeof Document>;

const DocumentFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  category: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 60 }))),
  tags: Type.Optional(Type.Array(Tag, { maxItems: 20, uniqueItems: true })),
  effectiveDate: Type.Optional(Nullable(DateOnly)),
  folderId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  audience: Type.Optional(Audience),
};
export const CreateDocument = Type.Object(DocumentFields, { additionalProperties: false });
export type CreateDocument = Static<typeof CreateDocument>;
export const UpdateDocument = Type.Partial(CreateDocument, { additionalProperties: false, minProperties: 1 });
export type UpdateDocument = Static<typeof UpdateDocument>;

export const ListDocumentsQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(SearchQuery('Matches the title or a tag.')),
    tag: Type.Optional(Tag),
    folderId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type ListDocumentsQuery = Static<typeof ListDocumentsQuery>;
export const DocumentPage = Page(Document);

export const LinkQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1, description: 'Default: the current version' })) }, { additionalProperties: false });
export const DownloadLink = Type.Object({
  url: Type.String({ description: 'Path under the API root (`/api/v1`), with the signed token; no sign-in needed to follow it' }),
  expiresAt: Timestamp,
});
export const TokenParams = Type.Object({ token: Type.String({ minLength: 1, maxLength: 400 }) }, { additionalProperties: false });
export const UploadHeaders = Type.Object({ 'x-file-name': Type.String({ minLength: 1, maxLength: 400, description: 'The file\'s name, URI-encoded (kept sanitised, for the download)' }) });

export const Usage = Type.Object({
  bytes: Type.Integer({ description: 'Bytes stored, every version counted' }),
  documents: Type.Integer(),
  versions: Type.Integer(),
  limitBytes: Nullable(Type.Integer({ description: 'The plan\'s storage limit; null for none' })),
});
