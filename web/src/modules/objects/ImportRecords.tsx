import { useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Label, ProgressBar } from 'react-aria-components';
import { ApiError, asProblem } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { Section } from '../../ui/DetailList.js';
import { newIdempotencyKey } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { recordsKey, useDefinition } from './api.js';
import { importRoute } from './routes.js';

const textLink = 'font-medium text-brand underline-offset-2 hover:underline outline-none focus-visible:ring-2 focus-visible:ring-brand rounded-sm';
const th = 'bg-slate-100 px-3 py-2 font-semibold text-slate-700';
const td = 'border-t border-slate-100 px-3 py-2';

interface ImportProblem {
  row: number;
  column: string | null;
  code: string;
  message: string;
}
interface ImportReport {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
  columns: string[];
  ignoredColumns: string[];
  errors: ImportProblem[];
}

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

/** A refused import (422) carries its report in the problem document, each problem with its row and column. */
const reportOf = (error: unknown): ImportReport | null => {
  const e = error as (Partial<ImportReport> & { errors?: (ImportProblem & { field?: string })[] }) | undefined;
  return e && Array.isArray(e.errors) && typeof e.rows === 'number' ? (e as ImportReport) : null;
};

function Errors({ errors }: { errors: ImportProblem[] }) {
  const t = useT();
  return (
    <div className="overflow-x-auto rounded-lg border border-red-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="px-3 py-2 text-left text-sm font-semibold text-red-800">{t('objects.import.errors', { count: errors.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t('objects.import.row')}</th>
            <th scope="col" className={th}>{t('objects.import.column')}</th>
            <th scope="col" className={th}>{t('objects.import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td className={td}>{e.row}</td>
              <td className={td}>{e.column ?? t('objects.import.wholeRow')}</td>
              <td className={td}>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A CSV file of an object's records: checked first (a dry run that writes nothing and reports
 * every problem by row and column), then imported for real, all or nothing.
 */
export function ImportRecords() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const inputId = useId();
  const { objectKey } = importRoute.useParams();
  const definition = useDefinition(objectKey);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef<string | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    setFailure(null);
    setPhase(dryRun ? 'checking' : 'importing');
    const csv = await file.text();
    const headers: Record<string, string> = { 'content-type': 'text/csv' };
    // One key per file: a retry after a network error is answered with the first import's report.
    if (!dryRun) headers['idempotency-key'] = key.current ??= newIdempotencyKey();
    try {
      const answer = await api.POST('/api/v1/objects/{key}/records/import', { params: { path: { key: objectKey }, query: { dryRun } }, headers, body: csv, bodySerializer: (body: string) => body });
      if (answer.response.status < 500) key.current = null;
      if (answer.data) {
        setReport(answer.data);
        setPhase(dryRun ? 'checked' : 'done');
        if (!dryRun) void queries.invalidateQueries({ queryKey: recordsKey(objectKey) });
        return;
      }
      const refused = reportOf(answer.error);
      if (refused) setReport(refused);
      setFailure(asProblem(answer.error, answer.response).detail);
      setPhase(refused ? 'checked' : 'idle');
    } catch {
      setFailure(t('form.networkError'));
      setPhase(dryRun ? 'idle' : 'checked');
    }
  }

  if (definition.error) return <Page title={t('page.notFound')}>{definition.error instanceof ApiError ? definition.error.problem.detail : t('list.failed')}</Page>;
  if (!definition.data) return <Page title={t('list.loading')}>{null}</Page>;
  const d = definition.data;
  const busy = phase === 'checking' || phase === 'importing';
  const clean = report !== null && report.errors.length === 0 && report.rows > 0;
  const back = <Link to="/objects/$objectKey" params={{ objectKey }} search={{}} className={textLink}>{t('objects.import.see', { name: d.plural })}</Link>;
  return (
    <Page title={t('objects.import.title', { name: d.plural })} actions={back}>
      <div className="max-w-3xl space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <p>{t('objects.import.intro')}</p>
        <pre className="rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap">{d.fields.map((f) => f.key).join(',')}</pre>
      </div>
      <div className="max-w-xl space-y-3">
        <div>
          <label htmlFor={inputId} className="text-sm font-medium text-slate-700">{t('objects.import.file')}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            disabled={busy}
            onChange={(event) => {
              setFile(event.target.files?.[0] ?? null);
              setReport(null);
              setFailure(null);
              setPhase('idle');
              key.current = null;
            }}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium focus-visible:outline-2 focus-visible:outline-brand"
          />
        </div>
        <Button variant={clean ? 'secondary' : 'primary'} isDisabled={!file || busy} onPress={() => void send(true)}>{t('objects.import.check')}</Button>
      </div>
      {busy ? (
        <ProgressBar isIndeterminate aria-live="polite" className="max-w-xl space-y-1">
          <Label className="text-sm text-slate-700">{phase === 'checking' ? t('objects.import.checking') : t('objects.import.importing')}</Label>
          <div className="h-2 overflow-hidden rounded bg-slate-200">
            <div className="h-full w-1/3 animate-pulse rounded bg-brand" />
          </div>
        </ProgressBar>
      ) : null}
      {failure ? <p role="alert" className="max-w-3xl rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{failure}</p> : null}
      {report && phase !== 'done' && !busy ? (
        <Section title={t('objects.import.dryRunTitle')}>
          <div role="status" className="space-y-2 text-sm text-slate-700">
            <p>{report.errors.length > 0 ? t('objects.import.fix') : t('objects.import.ready')}</p>
            <ul className="list-disc space-y-1 pl-5">
              <li>{t('objects.import.rows', { rows: report.rows })}</li>
              <li>{t('objects.import.toCreate', { count: report.created })}</li>
              {report.updated > 0 ? <li>{t('objects.import.toUpdate', { count: report.updated })}</li> : null}
              {report.ignoredColumns.length > 0 ? <li>{t('objects.import.ignored', { columns: report.ignoredColumns.join(', ') })}</li> : null}
            </ul>
          </div>
          {report.errors.length > 0 ? <Errors errors={report.errors} /> : null}
          {clean ? <Button onPress={() => void send(false)}>{t('objects.import.confirm', { rows: report.rows })}</Button> : null}
        </Section>
      ) : null}
      {report && phase === 'done' ? (
        <Section title={t('objects.import.doneTitle')}>
          <p role="status" className="text-sm text-slate-700">{t('objects.import.created', { count: report.created })}</p>
          {back}
        </Section>
      ) : null}
    </Page>
  );
}
