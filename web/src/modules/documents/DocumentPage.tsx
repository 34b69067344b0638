import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { formatTimestamp } from '../../ui/dates.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { linkStyle } from '../../ui/PlainForm.js';
import { may, useMe } from '../../workspace/me.js';
import { formatDay } from '../members/format.js';
import { download, formatSize, getDocument, listVersions, updateDocument, uploadVersion } from './api.js';
import { AUDIENCE_KINDS, audienceKindLabel, AudienceLabel, kindOf, type AudienceKind } from './AudienceLabel.js';
import { DropZone } from './DropZone.js';

const select = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30';
const failure = (error: unknown, fallback: string) => (error instanceof ApiError ? (error.problem.detail ?? error.problem.title) : error ? fallback : null);

/** The choices of a unit, property or member to share with (the first 200 of each). */
function useTargets(kind: AudienceKind) {
  const api = useApi();
  return useQuery({
    queryKey: ['documents', 'targets', kind],
    enabled: kind === 'unit' || kind === 'property' || kind === 'member',
    queryFn: async (): Promise<{ id: string; label: string }[]> => {
      if (kind === 'unit') return unwrap(await api.GET('/api/v1/units', { params: { query: { limit: 200 } } })).data.map((u) => ({ id: u.id, label: u.label }));
      if (kind === 'property') return unwrap(await api.GET('/api/v1/properties', { params: { query: { limit: 200 } } })).data.map((p) => ({ id: p.id, label: p.name }));
      return unwrap(await api.GET('/api/v1/members', { params: { query: { limit: 200 } } })).data.map((m) => ({ id: m.id, label: `${m.firstName} ${m.lastName}` }));
    },
  });
}

/** Who sees the document: a kind, and for a unit, property or member which one. */
function AudienceForm({ id, audience }: { id: string; audience: string }) {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const [kind, setKind] = useState<AudienceKind>(kindOf(audience));
  const [target, setTarget] = useState(audience.split(':')[1] ?? '');
  const targets = useTargets(kind);
  const needsTarget = kind === 'unit' || kind === 'property' || kind === 'member';
  const save = useMutation({
    mutationFn: () => updateDocument(api, id, { audience: needsTarget ? `${kind}:${target}` : kind }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['documents'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!needsTarget || target) save.mutate();
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="audience-kind" className="text-sm font-medium">{t('documents.audience')}</label>
        <select id="audience-kind" className={select} value={kind} onChange={(e) => { setKind(e.target.value as AudienceKind); setTarget(''); }}>
          {AUDIENCE_KINDS.map((k) => <option key={k} value={k}>{t(audienceKindLabel(k))}</option>)}
        </select>
      </div>
      {needsTarget ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="audience-target" className="text-sm font-medium">{t(`documents.audience.which.${kind}`)}</label>
          <select id="audience-target" className={select} value={target} onChange={(e) => setTarget(e.target.value)} required>
            <option value="">{t('documents.audience.choose')}</option>
            {(targets.data ?? []).map((o) => <option key={o.id} value={o.id}>{o.label}</option>)}
          </select>
        </div>
      ) : null}
      <Button type="submit" isDisabled={save.isPending}>{t('documents.audience.save')}</Button>
      <p role="status" className="text-sm text-slate-600">{save.isSuccess ? t('documents.audience.saved') : ''}</p>
      {save.error ? <p role="alert" className="w-full text-sm text-red-700">{failure(save.error, t('list.failed'))}</p> : null}
    </form>
  );
}

/** One document: its details, who sees it, its versions (each downloads), and a new version's upload. */
export function DocumentPage() {
  const t = useT();
  const { locale } = useLocale();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const { documentId } = useParams({ strict: false }) as { documentId: string };
  const doc = useQuery({ queryKey: ['documents', 'one', documentId], queryFn: () => getDocument(api, documentId) });
  const versions = useQuery({ queryKey: ['documents', 'versions', documentId], queryFn: () => listVersions(api, documentId) });
  const canWrite = may(me.data, 'documents', 'documents.write');
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: () => uploadVersion(api, documentId, file!),
    onSuccess: async () => {
      setFile(null);
      await queries.invalidateQueries({ queryKey: ['documents'] });
    },
  });
  const fetchFile = useMutation({ mutationFn: (version: number) => download(api, documentId, version) });
  const d = doc.data;
  return (
    <Page title={d?.title ?? t('nav.documents')}>
      {doc.error ? <p role="alert" className="text-sm text-red-700">{failure(doc.error, t('list.failed'))}</p> : null}
      {d ? (
        <>
          <DetailList items={[
            { term: t('documents.category'), value: d.category ?? '' },
            { term: t('documents.tags'), value: d.tags.join(', ') },
            { term: t('documents.effectiveDate'), value: d.effectiveDate ? formatDay(d.effectiveDate, locale) : '' },
            { term: t('documents.audience'), value: <AudienceLabel audience={d.audience} /> },
          ]} />
          {canWrite ? (
            <Section title={t('documents.sharing')}>
              <AudienceForm key={d.id} id={d.id} audience={d.audience} />
            </Section>
          ) : null}
        </>
      ) : null}
      <Section title={t('documents.versions')}>
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200">
              <th scope="col" className="py-2 pr-3">{t('documents.version')}</th>
              <th scope="col" className="py-2 pr-3">{t('documents.fileName')}</th>
              <th scope="col" className="py-2 pr-3">{t('documents.size')}</th>
              <th scope="col" className="py-2 pr-3">{t('documents.uploadedAt')}</th>
              <th scope="col" className="py-2"><span className="sr-only">{t('documents.download')}</span></th>
            </tr>
          </thead>
          <tbody>
            {(versions.data ?? []).map((v) => (
              <tr key={v.version} className="border-b border-slate-100">
                <td className="py-2 pr-3">{v.version}</td>
                <td className="py-2 pr-3">{v.fileName}</td>
                <td className="py-2 pr-3">{formatSize(v.size, locale)}</td>
                <td className="py-2 pr-3">{formatTimestamp(v.uploadedAt, locale)}</td>
                <td className="py-2">
                  <Button variant="secondary" onPress={() => fetchFile.mutate(v.version)} aria-label={t('documents.downloadVersion', { version: v.version })}>{t('documents.download')}</Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {versions.data?.length === 0 ? <p className="text-sm text-slate-600">{t('documents.noFile')}</p> : null}
        {fetchFile.error ? <p role="alert" className="text-sm text-red-700">{failure(fetchFile.error, t('list.failed'))}</p> : null}
      </Section>
      {canWrite ? (
        <Section title={t('documents.newVersion')}>
          <form onSubmit={(e) => { e.preventDefault(); if (file) upload.mutate(); }} className="space-y-3">
            <DropZone file={file} onFile={setFile} />
            <Button type="submit" isDisabled={upload.isPending || !file}>{upload.isPending ? t('documents.uploading') : t('documents.upload')}</Button>
            {upload.error ? <p role="alert" className="text-sm text-red-700">{failure(upload.error, t('list.failed'))}</p> : null}
          </form>
        </Section>
      ) : null}
      <Link to="/documents" className={linkStyle}>{t('documents.back')}</Link>
    </Page>
  );
}
