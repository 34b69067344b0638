import { parseDate, type CalendarDate } from '@internationalized/date';
import type { ReactNode } from 'react';
import { Controller, type FieldValues } from 'react-hook-form';
import { Checkbox, DateField, DateInput as AriaDateInput, DateSegment, FieldError, Input, Label, NumberField, Text, TextArea as AriaTextArea, TextField } from 'react-aria-components';
import { Check } from 'lucide-react';
import { errorStyle, inputStyle, labelStyle, messageOf, type FieldProps } from './field-styles.js';

const describe = (description: ReactNode) => (description ? <Text slot="description" className="mt-1 block text-xs text-slate-500">{description}</Text> : null);

/** A number (the form holds a number, or null when empty); `step` and `minValue` as the API allows. */
export function NumberInput<T extends FieldValues>({ control, name, label, rules, description, minValue, maxValue, step, formatOptions }: FieldProps<T> & { minValue?: number; maxValue?: number; step?: number; formatOptions?: Intl.NumberFormatOptions }) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <NumberField
          value={typeof field.value === 'number' ? field.value : Number.NaN}
          onChange={(v) => field.onChange(Number.isNaN(v) ? null : v)}
          onBlur={field.onBlur}
          name={field.name}
          minValue={minValue}
          maxValue={maxValue}
          step={step}
          formatOptions={formatOptions}
          isRequired={Boolean(rules?.required)}
          isInvalid={fieldState.invalid}
          validationBehavior="aria"
          className="block"
        >
          <Label className={labelStyle}>{label}</Label>
          <Input ref={field.ref} className={inputStyle} />
          {describe(description)}
          <FieldError className={errorStyle}>{messageOf(label, fieldState.error)}</FieldError>
        </NumberField>
      )}
    />
  );
}

const toCalendar = (value: unknown): CalendarDate | null => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
};

/** A calendar date in the locale's order (react-aria's DateField); the form holds `YYYY-MM-DD` or ''. */
export function DateInput<T extends FieldValues>({ control, name, label, rules, description }: FieldProps<T>) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <DateField
          value={toCalendar(field.value)}
          onChange={(v) => field.onChange(v ? v.toString() : '')}
          onBlur={field.onBlur}
          name={field.name}
          isRequired={Boolean(rules?.required)}
          isInvalid={fieldState.invalid}
          validationBehavior="aria"
          className="block"
        >
          <Label className={labelStyle}>{label}</Label>
          <AriaDateInput ref={field.ref} className={`${inputStyle} flex`}>
            {(segment) => <DateSegment segment={segment} className="rounded px-0.5 tabular-nums outline-none focus:bg-brand focus:text-white data-[placeholder]:text-slate-500" />}
          </AriaDateInput>
          {describe(description)}
          <FieldError className={errorStyle}>{messageOf(label, fieldState.error)}</FieldError>
        </DateField>
      )}
    />
  );
}

/** Several lines of text (notes, a mail template's body). */
export function TextAreaInput<T extends FieldValues>({ control, name, label, rules, description, rows = 4 }: FieldProps<T> & { rows?: number }) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <TextField value={(field.value as string | undefined) ?? ''} onChange={field.onChange} onBlur={field.onBlur} name={field.name} isRequired={Boolean(rules?.required)} isInvalid={fieldState.invalid} validationBehavior="aria" className="block">
          <Label className={labelStyle}>{label}</Label>
          <AriaTextArea ref={field.ref} rows={rows} className={inputStyle} />
          {describe(description)}
          <FieldError className={errorStyle}>{messageOf(label, fieldState.error)}</FieldError>
        </TextField>
      )}
    />
  );
}

/** A yes/no choice; the form holds a boolean. */
export function CheckboxInput<T extends FieldValues>({ control, name, label }: Omit<FieldProps<T>, 'rules' | 'description'>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox isSelected={Boolean(field.value)} onChange={field.onChange} name={field.name} className="group flex items-center gap-2 text-sm text-slate-800">
          <span aria-hidden className="flex size-4 items-center justify-center rounded border border-slate-400 group-data-[selected]:border-brand group-data-[selected]:bg-brand group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-brand/40">
            <Check size={12} className="hidden text-white group-data-[selected]:block" />
          </span>
          {label}
        </Checkbox>
      )}
    />
  );
}
