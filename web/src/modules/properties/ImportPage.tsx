import { useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Label, ProgressBar } from 'react-aria-components';
import { asProblem } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { Section } from '../../ui/DetailList.js';
import { newIdempotencyKey } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { card, simpleTable, td, textLink, th } from './styles.js';
import type { ImportReport } from './types.js';

const HEADER = 'property,parent_property,property_kind,address_line1,address_line2,city,region,postal_code,country,unit,unit_kind,floor,area,bedrooms,participation_share,amenities';

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

/** The errors a refused import (422) carries: its problem document holds the report. */
const reportOf = (error: unknown): ImportReport | null => {
  const e = error as Partial<ImportReport> | undefined;
  return e && Array.isArray(e.errors) && typeof e.rows === 'number' ? (e as ImportReport) : null;
};

function Counts({ report, done }: { report: ImportReport; done: boolean }) {
  const t = useT();
  const n = (c: { properties: number; units: number }) => ({ properties: c.properties, units: c.units });
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      <li>{t('properties.import.rows', { rows: report.rows })}</li>
      <li>{t(done ? 'properties.import.created' : 'properties.import.toCreate', n(report.created))}</li>
      <li>{t(done ? 'properties.import.updated' : 'properties.import.toUpdate', n(report.updated))}</li>
      <li>{t('properties.import.unchanged', n(report.unchanged))}</li>
    </ul>
  );
}

function Errors({ errors }: { errors: ImportReport['errors'] }) {
  const t = useT();
  return (
    <div className="overflow-x-auto rounded-lg border border-red-200 bg-white">
      <table className={simpleTable}>
        <caption className="px-3 py-2 text-left text-sm font-semibold text-red-800">{t('properties.import.errors', { count: errors.length })}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{t('properties.import.row')}</th>
            <th scope="col" className={th}>{t('properties.import.column')}</th>
            <th scope="col" className={th}>{t('properties.import.message')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i}>
              <td className={td}>{e.row}</td>
              <td className={td}>{e.field ?? t('properties.import.wholeRow')}</td>
              <td className={td}>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A CSV file of properties and units: checked first (a dry run that writes nothing and reports
 * every problem by row and column, or what it would create and update), then imported for real.
 */
export function ImportPage() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const inputId = useId();
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
    if (!dryRun) headers['idempotency-key'] = key.current ??= newIdempotencyKey();
    try {
      const answer = await api.POST('/api/v1/properties/import', { params: { query: { dryRun } }, headers, body: csv, bodySerializer: (body: string) => body });
      if (answer.response.status < 500) key.current = null;
      if (answer.data) {
        setReport(answer.data);
        setPhase(dryRun ? 'checked' : 'done');
        if (!dryRun) {
          void queries.invalidateQueries({ queryKey: ['properties'] });
          void queries.invalidateQueries({ queryKey: ['units'] });
        }
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

  const busy = phase === 'checking' || phase === 'importing';
  const clean = report !== null && report.errors.length === 0;
  return (
    <Page title={t('properties.import.title')} actions={<Link to="/properties" search={{}} className={textLink}>{t('nav.properties')}</Link>}>
      <div className={`${card} max-w-3xl space-y-3 text-sm text-slate-700`}>
        <p>{t('properties.import.intro')}</p>
        <pre className="rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap">{HEADER}</pre>
      </div>
      <div className="max-w-xl space-y-3">
        <div>
          <label htmlFor={inputId} className="text-sm font-medium text-slate-700">{t('properties.import.file')}</label>
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
        <Button variant={clean ? 'secondary' : 'primary'} isDisabled={!file || busy} onPress={() => void send(true)}>{t('properties.import.check')}</Button>
      </div>
      {busy ? (
        <ProgressBar isIndeterminate aria-live="polite" className="max-w-xl space-y-1">
          <Label className="text-sm text-slate-700">{phase === 'checking' ? t('properties.import.checking') : t('properties.import.importing')}</Label>
          <div className="h-2 overflow-hidden rounded bg-slate-200">
            <div className="h-full w-1/3 animate-pulse rounded bg-brand" />
          </div>
        </ProgressBar>
      ) : null}
      {failure ? <p role="alert" className="max-w-3xl rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{failure}</p> : null}
      {report && phase !== 'done' && !busy ? (
        <Section title={t('properties.import.dryRunTitle')}>
          <div role="status" className="space-y-3">
            {report.errors.length > 0 ? <p className="text-sm text-slate-700">{t('properties.import.fix')}</p> : <p className="text-sm text-slate-700">{t('properties.import.ready')}</p>}
            <Counts report={report} done={false} />
          </div>
          {report.errors.length > 0 ? <Errors errors={report.errors} /> : null}
          {clean ? <Button onPress={() => void send(false)}>{t('properties.import.confirm', { rows: report.rows })}</Button> : null}
        </Section>
      ) : null}
      {report && phase === 'done' ? (
        <Section title={t('properties.import.doneTitle')}>
          <div role="status">
            <Counts report={report} done />
          </div>
          <Link to="/properties" search={{}} className={textLink}>{t('properties.import.see')}</Link>
        </Section>
      ) : null}
    </Page>
  );
}
