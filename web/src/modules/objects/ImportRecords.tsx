import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { ApiError } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { CsvImportControls, ImportProblems, useCsvImport } from '../../ui/csv-import.js';
import { Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { recordsKey, useDefinition } from './api.js';
import { importRoute } from './routes.js';

const textLink = 'font-medium text-brand underline-offset-2 hover:underline outline-none focus-visible:ring-2 focus-visible:ring-brand rounded-sm';

/**
 * A CSV file of an object's records: checked first (a dry run that writes nothing and reports
 * every problem by row and column), then imported for real, all or nothing.
 */
export function ImportRecords() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const { objectKey } = importRoute.useParams();
  const definition = useDefinition(objectKey);
  const state = useCsvImport(
    (csv, dryRun, headers) => api.POST('/api/v1/objects/{key}/records/import', { params: { path: { key: objectKey }, query: { dryRun } }, headers, body: csv, bodySerializer: (body: string) => body }),
    () => void queries.invalidateQueries({ queryKey: recordsKey(objectKey) }),
  );
  const { phase, report, busy } = state;

  if (definition.error) return <Page title={t('page.notFound')}>{definition.error instanceof ApiError ? definition.error.problem.detail : t('list.failed')}</Page>;
  if (!definition.data) return <Page title={t('list.loading')}>{null}</Page>;
  const d = definition.data;
  const clean = report !== null && report.errors.length === 0 && report.rows > 0;
  const back = <Link to="/objects/$objectKey" params={{ objectKey }} search={{}} className={textLink}>{t('objects.import.see', { name: d.plural })}</Link>;
  return (
    <Page title={t('objects.import.title', { name: d.plural })} actions={back}>
      <div className="max-w-3xl space-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
        <p>{t('objects.import.intro')}</p>
        <pre className="rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap">{d.fields.map((f) => f.key).join(',')}</pre>
      </div>
      <CsvImportControls state={state} primary={!clean} labels={{ file: t('objects.import.file'), check: t('objects.import.check'), checking: t('objects.import.checking'), importing: t('objects.import.importing') }} />
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
          {report.errors.length > 0 ? <ImportProblems problems={report.errors} labels={{ caption: t('objects.import.errors', { count: report.errors.length }), row: t('objects.import.row'), column: t('objects.import.column'), message: t('objects.import.message'), wholeRow: t('objects.import.wholeRow') }} /> : null}
          {clean ? <Button onPress={() => void state.send(false)}>{t('objects.import.confirm', { rows: report.rows })}</Button> : null}
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
