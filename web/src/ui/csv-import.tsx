import { useId, useRef, useState } from 'react';
import { Label, ProgressBar } from 'react-aria-components';
import { asProblem } from '../api/problem.js';
import { useT } from '../i18n/intl.js';
import { Button } from './Button.js';
import { newIdempotencyKey } from './form.js';

/**
 * A CSV import page's working parts (properties and units, an object's records): the file, a
 * dry run that writes nothing and reports every problem by row, then the import for real under
 * one Idempotency-Key per file. The page says what the report means; this holds the rest.
 */

export type ImportPhase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';

interface ImportReportShape {
  rows: number;
  errors: unknown[];
}

/** What the SDK answers for the import's POST. */
interface ImportAnswer<R> {
  data?: R;
  error?: unknown;
  response: Response;
}

/** A refused import (422) carries its report in the problem document. */
const reportOf = <R extends ImportReportShape>(error: unknown): R | null => {
  const e = error as Partial<R> | undefined;
  return e && Array.isArray(e.errors) && typeof e.rows === 'number' ? (e as R) : null;
};

export interface CsvImport<R> {
  file: File | null;
  phase: ImportPhase;
  report: R | null;
  failure: string | null;
  busy: boolean;
  choose(file: File | null): void;
  send(dryRun: boolean): Promise<void>;
}

export function useCsvImport<R extends ImportReportShape>(post: (csv: string, dryRun: boolean, headers: Record<string, string>) => Promise<ImportAnswer<R>>, onImported: () => void): CsvImport<R> {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [report, setReport] = useState<R | null>(null);
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
      const answer = await post(csv, dryRun, headers);
      if (answer.response.status < 500) key.current = null;
      if (answer.data) {
        setReport(answer.data);
        setPhase(dryRun ? 'checked' : 'done');
        if (!dryRun) onImported();
        return;
      }
      const refused = reportOf<R>(answer.error);
      if (refused) setReport(refused);
      setFailure(asProblem(answer.error, answer.response).detail);
      setPhase(refused ? 'checked' : 'idle');
    } catch {
      setFailure(t('form.networkError'));
      setPhase(dryRun ? 'idle' : 'checked');
    }
  }

  function choose(chosen: File | null) {
    setFile(chosen);
    setReport(null);
    setFailure(null);
    setPhase('idle');
    key.current = null;
  }

  return { file, phase, report, failure, busy: phase === 'checking' || phase === 'importing', choose, send };
}

/** The file chooser and its "check" button, then the progress and what went wrong. */
export function CsvImportControls<R>({ state, labels, primary }: { state: CsvImport<R>; labels: { file: string; check: string; checking: string; importing: string }; primary: boolean }) {
  const inputId = useId();
  return (
    <>
      <div className="max-w-xl space-y-3">
        <div>
          <label htmlFor={inputId} className="text-sm font-medium text-slate-700">{labels.file}</label>
          <input
            id={inputId}
            type="file"
            accept=".csv,text/csv"
            disabled={state.busy}
            onChange={(event) => state.choose(event.target.files?.[0] ?? null)}
            className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5 file:text-sm file:font-medium focus-visible:outline-2 focus-visible:outline-brand"
          />
        </div>
        <Button variant={primary ? 'primary' : 'secondary'} isDisabled={!state.file || state.busy} onPress={() => void state.send(true)}>{labels.check}</Button>
      </div>
      {state.busy ? (
        <ProgressBar isIndeterminate aria-live="polite" className="max-w-xl space-y-1">
          <Label className="text-sm text-slate-700">{state.phase === 'checking' ? labels.checking : labels.importing}</Label>
          <div className="h-2 overflow-hidden rounded bg-slate-200">
            <div className="h-full w-1/3 animate-pulse rounded bg-brand" />
          </div>
        </ProgressBar>
      ) : null}
      {state.failure ? <p role="alert" className="max-w-3xl rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{state.failure}</p> : null}
    </>
  );
}

const th = 'bg-slate-100 px-3 py-2 font-semibold text-slate-700';
const td = 'border-t border-slate-100 px-3 py-2';

/** The dry run's problems, a row each: its line in the file, its column (or the whole row) and what is wrong. */
export function ImportProblems({ problems, labels }: { problems: { row: number; column: string | null | undefined; message: string }[]; labels: { caption: string; row: string; column: string; message: string; wholeRow: string } }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-red-200 bg-white">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="px-3 py-2 text-left text-sm font-semibold text-red-800">{labels.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={th}>{labels.row}</th>
            <th scope="col" className={th}>{labels.column}</th>
            <th scope="col" className={th}>{labels.message}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td className={td}>{p.row}</td>
              <td className={td}>{p.column ?? labels.wholeRow}</td>
              <td className={td}>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
