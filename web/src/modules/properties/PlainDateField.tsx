import { parseDate, type CalendarDate } from '@internationalized/date';
import { DateField, DateInput, DateSegment, Label, Text } from 'react-aria-components';

const toCalendar = (value: string): CalendarDate | null => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
};

/** A calendar day outside a form (a report's date, an action's date): `YYYY-MM-DD` or ''. */
export function PlainDateField({ label, value, onChange, description, isRequired }: { label: string; value: string; onChange: (day: string) => void; description?: string; isRequired?: boolean }) {
  return (
    <DateField value={toCalendar(value)} onChange={(v) => onChange(v ? v.toString() : '')} isRequired={isRequired} className="block max-w-xs">
      <Label className="text-sm font-medium text-slate-700">{label}</Label>
      <DateInput className="mt-1 flex w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus-within:border-brand focus-within:ring-2 focus-within:ring-brand/30">
        {(segment) => <DateSegment segment={segment} className="rounded px-0.5 tabular-nums outline-none focus:bg-brand focus:text-white data-[placeholder]:text-slate-500" />}
      </DateInput>
      {description ? <Text slot="description" className="mt-1 block text-xs text-slate-500">{description}</Text> : null}
    </DateField>
  );
}
