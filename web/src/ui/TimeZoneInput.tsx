import { useMemo } from 'react';
import { Controller, type FieldValues } from 'react-hook-form';
import { Button as AriaButton, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { useT } from '../i18n/intl.js';
import { utcOffset } from './dates.js';
import { errorStyle, inputStyle, labelStyle, messageOf, type FieldProps } from './field-styles.js';

/** The runtime's IANA zones (what the server accepts too), UTC first. */
function zones(at: Date): { id: string; offset: string; search: string }[] {
  const names = Intl.supportedValuesOf('timeZone');
  return ['UTC', ...names.filter((n) => n !== 'UTC')].map((id) => {
    const offset = utcOffset(id, at);
    return { id, offset, search: `${id} ${id.replaceAll('_', ' ')} ${offset}`.toLowerCase() };
  });
}

/**
 * A time zone, searched by name ("auckland", "new york") or offset ("+13"), each shown with its
 * current UTC offset. A typed name that is not in the list is still sent: the server is the
 * judge (and says so at the field).
 */
export function TimeZoneInput<T extends FieldValues>({ control, name, label, rules, description }: FieldProps<T>) {
  const t = useT();
  const items = useMemo(() => zones(new Date()), []);
  const searchOf = useMemo(() => new Map(items.map((z) => [z.id, z.search])), [items]);
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <ComboBox
          className="block"
          defaultItems={items}
          inputValue={(field.value as string | undefined) ?? ''}
          onInputChange={field.onChange}
          onSelectionChange={(key) => (key === null ? undefined : field.onChange(String(key)))}
          onBlur={field.onBlur}
          name={field.name}
          allowsCustomValue
          defaultFilter={(id, typed) => (searchOf.get(id) ?? id.toLowerCase()).includes(typed.trim().toLowerCase().replace(/-(?=\d)/, '−'))}
          isRequired={Boolean(rules?.required)}
          isInvalid={fieldState.invalid}
          validationBehavior="aria"
        >
          <Label className={labelStyle}>{label}</Label>
          <div className="relative">
            <Input ref={field.ref} className={inputStyle} />
            <AriaButton aria-label={t('form.timeZone.show')} className="absolute top-1 right-1 p-1 text-slate-500">
              <ChevronDown aria-hidden size={16} />
            </AriaButton>
          </div>
          {description ? <Text slot="description" className="mt-1 block text-xs text-slate-500">{description}</Text> : null}
          <FieldError className={errorStyle}>{messageOf(label, fieldState.error)}</FieldError>
          <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
            <ListBox className="max-h-64 overflow-auto p-1 outline-none" renderEmptyState={() => <p className="px-2 py-1 text-sm text-slate-500">{t('form.timeZone.none')}</p>}>
              {(zone: { id: string; offset: string; search: string }) => (
                <ListBoxItem id={zone.id} textValue={zone.id} className="flex cursor-default justify-between gap-3 rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold">
                  <span>{zone.id}</span>
                  <span className="text-xs text-slate-500">{zone.offset}</span>
                </ListBoxItem>
              )}
            </ListBox>
          </Popover>
        </ComboBox>
      )}
    />
  );
}
