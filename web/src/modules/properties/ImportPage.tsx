import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { CsvImportControls, ImportProblems, useCsvImport } from '../../ui/csv-import.js';
import { Section } from '../../ui/DetailList.js';
import { Page } from '../../ui/Page.js';
import { card, textLink } from './styles.js';
import type { ImportReport } from './types.js';

const HEADER = 'property,parent_property,property_kind,address_line1,address_line2,city,region,postal_code,country,unit,unit_kind,floor,area,bedrooms,participation_share,amenities';

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

/**
 * A CSV file of properties and units: checked first (a dry run that writes nothing and reports
 * every problem by row and column, or what it would create and update), then imported for real.
 */
export function ImportPage() {
  const t = useT();
  const api = useApi();
  const queries = useQueryClient();
  const state = useCsvImport<ImportReport>(
    (csv, dryRun, headers) => api.POST('/api/v1/properties/import', { params: { query: { dryRun } }, headers, body: csv, bodySerializer: (body: string) => body }),
    () => {
      void queries.invalidateQueries({ queryKey: ['properties'] });
      void queries.invalidateQueries({ queryKey: ['units'] });
    },
  );
  const { phase, report, busy } = state;
  const clean = report !== null && report.errors.length === 0;
  return (
    <Page title={t('properties.import.title')} actions={<Link to="/properties" search={{}} className={textLink}>{t('nav.properties')}</Link>}>
      <div className={`${card} max-w-3xl space-y-3 text-sm text-slate-700`}>
        <p>{t('properties.import.intro')}</p>
        <pre className="rounded bg-slate-100 p-2 text-xs break-all whitespace-pre-wrap">{HEADER}</pre>
      </div>
      <CsvImportControls state={state} primary={!clean} labels={{ file: t('properties.import.file'), check: t('properties.import.check'), checking: t('properties.import.checking'), importing: t('properties.import.importing') }} />
      {report && phase !== 'done' && !busy ? (
        <Section title={t('properties.import.dryRunTitle')}>
          <div role="status" className="space-y-3">
            {report.errors.length > 0 ? <p className="text-sm text-slate-700">{t('properties.import.fix')}</p> : <p className="text-sm text-slate-700">{t('properties.import.ready')}</p>}
            <Counts report={report} done={false} />
          </div>
          {report.errors.length > 0 ? <ImportProblems problems={report.errors.map((e) => ({ ...e, column: e.field }))} labels={{ caption: t('properties.import.errors', { count: report.errors.length }), row: t('properties.import.row'), column: t('properties.import.column'), message: t('properties.import.message'), wholeRow: t('properties.import.wholeRow') }} /> : null}
          {clean ? <Button onPress={() => void state.send(false)}>{t('properties.import.confirm', { rows: report.rows })}</Button> : null}
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
