import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { operations } from '@courtyard/sdk';
import { Button as AriaButton, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { Controller, type Control, type FieldValues, type Path, type RegisterOptions } from 'react-hook-form';
import { ChevronDown } from 'lucide-react';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';

type UnitSummary = operations['units.list']['responses'][200]['content']['application/json']['data'][number];

/** A unit found by its label as you type (the units list's search) and picked; the form holds its id. */
export function UnitField<T extends FieldValues>({ control, name, label, rules, description }: { control: Control<T>; name: Path<T>; label: string; rules?: RegisterOptions<T, Path<T>>; description?: string }) {
  const t = useT();
  const api = useApi();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text), 200);
    return () => window.clearTimeout(timer);
  }, [text]);
  const units = useQuery({
    queryKey: ['units', { q: query, picker: true }],
    queryFn: async () => unwrap(await api.GET('/api/v1/units', { params: { query: { limit: 20, ...(query.trim() ? { q: query.trim() } : {}) } } })),
  });
  const items = units.data?.data ?? [];
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <ComboBox
          items={items}
          inputValue={text}
          onInputChange={setText}
          selectedKey={(field.value as string) || null}
          onSelectionChange={(key) => field.onChange(key === null ? '' : String(key))}
          onBlur={field.onBlur}
          menuTrigger="input"
          isInvalid={fieldState.invalid}
          allowsEmptyCollection
          className="block"
        >
          <Label className="text-sm font-medium text-slate-700">{label}</Label>
          <div className="relative mt-1">
            <Input ref={field.ref} className="block w-full rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-3 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30 data-[invalid]:border-red-600" />
            <AriaButton aria-label={t('leases.picker.showUnits')} className="absolute top-1.5 right-1.5 rounded text-slate-500 outline-none focus-visible:ring-2 focus-visible:ring-brand">
              <ChevronDown aria-hidden size={16} />
            </AriaButton>
          </div>
          {description ? <Text slot="description" className="mt-1 block text-xs text-slate-500">{description}</Text> : null}
          <FieldError className="mt-1 block text-sm text-red-700">{fieldState.error?.type === 'server' ? `${label} ${fieldState.error.message ?? ''}` : fieldState.error?.message}</FieldError>
          <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
            <ListBox<UnitSummary> className="max-h-64 overflow-auto p-1 outline-none" renderEmptyState={() => <p className="px-2 py-1 text-sm text-slate-500">{units.isLoading ? t('list.loading') : t('leases.picker.noUnit')}</p>}>
              {(u) => (
                <ListBoxItem id={u.id} textValue={u.label} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold">
                  {u.label} <span className="text-slate-500">{t(`properties.status.${u.status}`)}</span>
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
      )}
    />
  );
}
