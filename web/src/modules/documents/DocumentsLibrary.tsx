import { useCallback, useState, type FormEvent } from 'react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { DataTable } from '../../ui/DataTable.js';
import { Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { createDocument, createFolder, formatSize, listDocuments, listFolders, uploadVersion, type Folder, type LibraryDocument } from './api.js';
import { AudienceLabel } from './AudienceLabel.js';
import { DropZone } from './DropZone.js';
import { documentsRoute, type DocumentsSearch } from './routes.js';

const column = createColumnHelper<LibraryDocument>();
const input = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30';
const failure = (error: unknown, fallback: string) => (error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : error ? fallback : null);

/** Folders as a tree, depth first, each with its depth. */
function tree(folders: Folder[], parentId: string | null = null, depth = 0): { folder: Folder; depth: number }[] {
  return folders.filter((f) => f.parentId === parentId).flatMap((folder) => [{ folder, depth }, ...tree(folders, folder.id, depth + 1)]);
}

/** The library: folders, the documents of one (or all) searchable through the URL, and an upload. */
export function DocumentsLibrary() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const search = documentsRoute.useSearch();
  const navigate = useNavigate();
  const canWrite = may(me.data, 'documents', 'documents.write');
  const folders = useQuery({ queryKey: ['documents', 'folders'], queryFn: () => listFolders(api) });
  const documents = useQuery({
    queryKey: ['documents', search],
    queryFn: () => listDocuments(api, { q: search.q, tag: search.tag, folderId: search.folder, cursor: search.cursor }),
    placeholderData: keepPreviousData,
  });
  const { cursor: _cursor, ...current } = search;
  const onSearch = useCallback((q: string) => void navigate({ to: '/documents', search: (prev: DocumentsSearch) => ({ ...prev, cursor: undefined, q: q || undefined }), replace: true }), [navigate]);

  const [folderName, setFolderName] = useState('');
  const addFolder = useMutation({
    mutationFn: () => createFolder(api, { name: folderName.trim(), parentId: search.folder ?? null }),
    onSuccess: async () => {
      setFolderName('');
      await queries.invalidateQueries({ queryKey: ['documents', 'folders'] });
    },
  });
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: async () => {
      const doc = await createDocument(api, { title: title.trim(), folderId: search.folder ?? null });
      await uploadVersion(api, doc.id, file!);
      return doc;
    },
    onSuccess: async (doc) => {
      await queries.invalidateQueries({ queryKey: ['documents'] });
      void navigate({ to: '/documents/$documentId', params: { documentId: doc.id } });
    },
  });
  const submitUpload = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() && file) upload.mutate();
  };

  const columns = [
    column.accessor('title', {
      header: t('documents.title'),
      cell: (c) => (
        <Link to="/documents/$documentId" params={{ documentId: c.row.original.id }} className="font-medium text-brand underline-offset-2 hover:underline">
          {c.getValue()}
        </Link>
      ),
    }),
    column.accessor('tags', { header: t('documents.tags'), cell: (c) => c.getValue().join(', ') }),
    column.accessor('audience', { header: t('documents.audience'), cell: (c) => <AudienceLabel audience={c.getValue()} /> }),
    column.accessor('current', { header: t('documents.current'), cell: (c) => (c.getValue() ? `${c.getValue()!.fileName} · ${formatSize(c.getValue()!.size, locale)}` : t('documents.noFile')) }),
  ];
  const next = documents.data?.nextCursor;
  return (
    <Page title={t('nav.documents')}>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <nav aria-label={t('documents.folders')} className="space-y-3">
          <ul className="space-y-1 text-sm">
            <li>
              <Link to="/documents" search={{ q: search.q }} className="text-brand underline-offset-2 hover:underline" aria-current={search.folder ? undefined : 'page'}>
                {t('documents.allFolders')}
              </Link>
            </li>
            {tree(folders.data ?? []).map(({ folder, depth }) => (
              <li key={folder.id} className={depth ? ['pl-4', 'pl-8', 'pl-12'][Math.min(depth, 3) - 1] : ''}>
                <Link to="/documents" search={{ folder: folder.id }} className="text-brand underline-offset-2 hover:underline" aria-current={search.folder === folder.id ? 'page' : undefined}>
                  {folder.name}
                </Link>
              </li>
            ))}
          </ul>
          {canWrite ? (
            <form onSubmit={(e) => { e.preventDefault(); if (folderName.trim()) addFolder.mutate(); }} className="space-y-2">
              <label className="block text-sm font-medium" htmlFor="new-folder">{t('documents.newFolder')}</label>
              <input id="new-folder" className={`${input} w-full`} value={folderName} onChange={(e) => setFolderName(e.target.value)} maxLength={120} />
              <Button type="submit" variant="secondary" isDisabled={addFolder.isPending}>{t('documents.addFolder')}</Button>
              {addFolder.error ? <p role="alert" className="text-sm text-red-700">{failure(addFolder.error, t('list.failed'))}</p> : null}
            </form>
          ) : null}
        </nav>
        <div className="space-y-6">
          <SearchBox value={search.q ?? ''} onSearch={onSearch} />
          <DataTable<LibraryDocument>
            label={t('nav.documents')}
            columns={columns}
            rows={documents.data?.data ?? []}
            isLoading={documents.isLoading}
            error={failure(documents.error, t('list.failed'))}
            pager={{
              first: search.cursor ? <Link to="/documents" search={current}>{t('list.first')}</Link> : null,
              next: next ? <Link to="/documents" search={{ ...current, cursor: next }}>{t('list.next')}</Link> : null,
            }}
          />
          {canWrite ? (
            <Section title={t('documents.add')}>
              <form onSubmit={submitUpload} className="space-y-3">
                <div className="flex flex-col gap-1">
                  <label htmlFor="new-title" className="text-sm font-medium">{t('documents.title')}</label>
                  <input id="new-title" required className={input} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
                </div>
                <DropZone file={file} onFile={setFile} />
                <Button type="submit" isDisabled={upload.isPending || !file || !title.trim()}>{upload.isPending ? t('documents.uploading') : t('documents.upload')}</Button>
                {upload.error ? <p role="alert" className="text-sm text-red-700">{failure(upload.error, t('list.failed'))}</p> : null}
              </form>
            </Section>
          ) : null}
        </div>
      </div>
    </Page>
  );
}
