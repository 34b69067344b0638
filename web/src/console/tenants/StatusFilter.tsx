import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { useT } from '../../i18n/intl.js';
import { TENANT_STATUSES, type TenantStatus } from './search.js';

const ALL = 'all';

/** The list's status filter (labelled `Status`), beside Search; its choice lives in the URL. */
export function StatusFilter({ value, onChange }: { value: TenantStatus | undefined; onChange: (status: TenantStatus | undefined) => void }) {
  const t = useT();
  const options = [{ id: ALL, label: t('tenants.allStatuses') }, ...TENANT_STATUSES.map((s) => ({ id: s, label: t(`tenants.status.${s}`) }))];
  return (
    <Select
      selectedKey={value ?? ALL}
      onSelectionChange={(key) => onChange(key === ALL ? undefined : TENANT_STATUSES.find((s) => s === key))}
      className="flex items-center gap-2"
    >
      <Label className="text-sm font-medium text-slate-700">{t('tenants.status')}</Label>
      <Button className="flex min-w-40 items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm outline-none focus-visible:border-brand focus-visible:ring-2 focus-visible:ring-brand/30">
        <SelectValue />
        <ChevronDown aria-hidden size={16} />
      </Button>
      <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox items={options} className="max-h-64 overflow-auto p-1 outline-none">
          {(o) => (
            <ListBoxItem id={o.id} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold">
              {o.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
