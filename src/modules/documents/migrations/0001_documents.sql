-- Folders nest under one parent each; a folder with anything in it is not removed.
CREATE TABLE document_folders (
  tenant_id  uuid        NOT NULL,
  id         uuid        NOT NULL,
  parent_id  uuid,
  name       text        NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, parent_id) REFERENCES document_folders (tenant_id, id)
);
CREATE INDEX document_folders_by_parent ON document_folders (tenant_id, parent_id);

-- `audience` says who sees the document besides staff: a key the portal's query matches
-- against the member's own keys ('members', 'owners', 'unit:<id>', 'property:<id>', 'member:<id>').
CREATE TABLE documents (
  tenant_id       uuid        NOT NULL,
  id              uuid        NOT NULL,
  folder_id       uuid,
  title           text        NOT NULL,
  category        text,
  tags            text[]      NOT NULL DEFAULT '{}',
  effective_date  date,
  audience        text        NOT NULL DEFAULT 'staff' CHECK (audience ~ '^(staff|members|owners|(unit|property|member):[0-9a-f-]{36})$'),
  current_version integer     NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, folder_id) REFERENCES document_folders (tenant_id, id)
);
CREATE INDEX documents_by_title ON documents (tenant_id, title, id);
CREATE INDEX documents_by_audience ON documents (tenant_id, audience);
CREATE INDEX documents_by_folder ON documents (tenant_id, folder_id);

-- A new upload is a new version; old ones are kept and still download.
CREATE TABLE document_versions (
  tenant_id    uuid        NOT NULL,
  document_id  uuid        NOT NULL,
  version      integer     NOT NULL,
  object_key   text        NOT NULL,
  size         bigint      NOT NULL,
  sha256       text        NOT NULL,
  content_type text        NOT NULL,
  file_name    text        NOT NULL,
  uploaded_by  uuid,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, document_id, version),
  FOREIGN KEY (tenant_id, document_id) REFERENCES documents (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE document_folders ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_folders FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document_folders USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
ALTER TABLE documents FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON documents USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
ALTER TABLE document_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE document_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON document_versions USING (tenant_id = {{current_tenant}}) WITH CHECK (tenant_id = {{current_tenant}});
