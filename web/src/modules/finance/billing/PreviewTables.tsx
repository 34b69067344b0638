import { createColumnHelper } from '@tanstack/react-table';
import { useLocale, useT } from '../../../i18n/intl.js';
import { DataTable } from '../../../ui/DataTable.js';
import { Section } from '../../../ui/DetailList.js';
import { formatMoney } from '../../../ui/money.js';
import { formatDay } from './logic.js';
import { MemberName, UnitLabel } from './names.js';
import { reasonLabel, type Preview, type PreviewCharge, type PreviewSkip } from './types.js';

const charge = createColumnHelper<PreviewCharge>();
const skip = createColumnHelper<PreviewSkip>();
const noPager = { first: null, next: null };

/** A billing run's dry run: its totals, every charge it would create and every line it would skip, with the reason. */
export function PreviewTables({ preview }: { preview: Preview }) {
  const t = useT();
  const { locale } = useLocale();
  const money = (amount: number | null, currency: string | null) => (amount !== null && currency ? formatMoney({ amount, currency }, locale) : '—');
  const chargeColumns = [
    charge.accessor('memberId', { header: t('finance.billing.member'), cell: (c) => <MemberName id={c.getValue()} /> }),
    charge.accessor('unitId', { header: t('finance.billing.unit'), cell: (c) => <UnitLabel id={c.getValue()} /> }),
    charge.accessor('description', { header: t('finance.billing.description'), cell: (c) => c.getValue() ?? '' }),
    charge.accessor('dueDate', { header: t('finance.billing.dueDate'), cell: (c) => formatDay(c.getValue(), locale) }),
    charge.accessor('amount', { header: t('finance.billing.amount'), cell: (c) => money(c.getValue(), c.row.original.currency) }),
  ];
  const skipColumns = [
    skip.accessor('unitId', { header: t('finance.billing.unit'), cell: (c) => <UnitLabel id={c.getValue()} /> }),
    skip.accessor('memberId', { header: t('finance.billing.member'), cell: (c) => <MemberName id={c.getValue()} /> }),
    skip.accessor('reason', {
      header: t('finance.billing.reason'),
      cell: (c) => {
        const label = reasonLabel(c.getValue());
        return label ? t(label) : c.getValue();
      },
    }),
    skip.accessor('detail', { header: t('finance.billing.detail') }),
    skip.accessor('amount', { header: t('finance.billing.amount'), cell: (c) => money(c.getValue(), c.row.original.currency) }),
  ];
  return (
    <div className="space-y-6">
      <Section title={t('finance.billing.totals')}>
        {preview.totals.length === 0 ? <p className="text-sm text-slate-600">{t('finance.billing.nothingToCharge')}</p> : null}
        <ul className="text-sm">
          {preview.totals.map((total) => (
            <li key={total.currency}>{t('finance.billing.totalLine', { charges: total.charges, amount: formatMoney({ amount: total.amount, currency: total.currency }, locale) })}</li>
          ))}
        </ul>
      </Section>
      <Section title={t('finance.billing.wouldCharge', { count: preview.charges.length })}>
        <DataTable<PreviewCharge> label={t('finance.billing.wouldChargeTable')} columns={chargeColumns} rows={preview.charges} isLoading={false} error={null} pager={noPager} />
      </Section>
      <Section title={t('finance.billing.wouldSkip', { count: preview.skipped.length })}>
        <DataTable<PreviewSkip> label={t('finance.billing.wouldSkipTable')} columns={skipColumns} rows={preview.skipped} isLoading={false} error={null} pager={noPager} />
      </Section>
    </div>
  );
}
