import { Controller, type Control } from 'react-hook-form';
import { FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import { useLocale, useT } from '../../i18n/intl.js';
import { errorStyle, inputStyle, labelStyle, messageOf } from '../../ui/field-styles.js';
import { SelectInput, TextInput } from '../../ui/fields.js';
import { CheckboxInput, DateInput, NumberInput, TextAreaInput } from '../../ui/more-fields.js';
import { CheckboxGroupInput } from '../users/CheckboxGroupInput.js';
import { RelationPicker } from './RelationPicker.js';
import { isComputed, type ObjectField } from './types.js';
import { FieldValue } from './Value.js';
import { NO_OPTION, toApiValue, type FormValues } from './values.js';

/** A date and time typed on the tenant's wall clock (`datetime-local`), the zone said under it. */
function DateTimeInput({ control, name, label, required, zone }: { control: Control<FormValues>; name: string; label: string; required: boolean; zone: string }) {
  const t = useT();
  return (
    <Controller
      control={control}
      name={name}
      rules={required ? { required: t('form.required') } : undefined}
      render={({ field, fieldState }) => (
        <TextField value={(field.value as string) ?? ''} onChange={field.onChange} onBlur={field.onBlur} name={field.name} type="text" isRequired={required} isInvalid={fieldState.invalid} validationBehavior="aria" className="block">
          <Label className={labelStyle}>{label}</Label>
          <Input ref={field.ref} type="datetime-local" className={inputStyle} />
          <Text slot="description" className="mt-1 block text-xs text-slate-500">{t('objects.input.zone', { zone })}</Text>
          <FieldError className={errorStyle}>{messageOf(label, fieldState.error)}</FieldError>
        </TextField>
      )}
    />
  );
}

/**
 * One field of a record's form, the input its type needs: text, long text, a number, an amount
 * in the field's currency, yes/no, a date, a date-time in the tenant's zone, an option, several
 * options, or a related record. A field only the API writes, or a computed one, is shown read-only.
 */
export function FieldInput({ control, field, value, zone }: { control: Control<FormValues>; field: ObjectField; value: unknown; zone: string }) {
  const t = useT();
  const { locale } = useLocale();
  const label = field.label;
  const required = Boolean(field.rules.required);
  const rules = required ? { required: t('form.required') } : undefined;
  const name = field.key;
  if (isComputed(field) || field.rules.apiOnly) {
    return (
      <div className="block" role="group" aria-label={label}>
        <p className={labelStyle}>{label}</p>
        <p className="mt-1 text-sm"><FieldValue field={field} value={value} /></p>
        <p className="mt-1 text-xs text-slate-500">{t(isComputed(field) ? 'objects.input.computed' : 'objects.input.apiOnly')}</p>
      </div>
    );
  }
  switch (field.type) {
    case 'long_text':
      return <TextAreaInput control={control} name={name} label={label} rules={rules} rows={4} description={t('objects.input.markdown')} />;
    case 'number':
      return <NumberInput control={control} name={name} label={label} rules={rules} formatOptions={{ maximumFractionDigits: field.config.decimals ?? 6 }} />;
    case 'currency': {
      const currency = field.config.currency ?? 'EUR';
      const validate = (v: unknown) => {
        const converted = toApiValue(field, v, locale, zone);
        return converted.ok || t(converted.reason === 'decimals' ? 'objects.input.decimals' : converted.reason === 'tooLarge' ? 'objects.input.tooLarge' : 'objects.input.amount');
      };
      return <TextInput control={control} name={name} label={`${label} (${currency})`} rules={{ ...rules, validate }} autoComplete="off" description={t('objects.input.currency', { currency })} />;
    }
    case 'boolean':
      return <CheckboxInput control={control} name={name} label={label} />;
    case 'date':
      return <DateInput control={control} name={name} label={label} rules={rules} />;
    case 'datetime':
      return <DateTimeInput control={control} name={name} label={label} required={required} zone={zone} />;
    case 'select': {
      const none = required ? [] : [{ id: NO_OPTION, label: t('objects.input.noValue') }];
      return <SelectInput control={control} name={name} label={label} rules={rules} options={[...none, ...(field.config.options ?? []).map((o) => ({ id: o.key, label: o.label }))]} />;
    }
    case 'multi_select':
      return <CheckboxGroupInput control={control} name={name} label={label} rules={required ? { validate: (v) => (Array.isArray(v) && v.length > 0) || t('form.required') } : undefined} options={(field.config.options ?? []).map((o) => ({ id: o.key, label: o.label }))} />;
    case 'relation':
    case 'file':
      return (
        <Controller
          control={control}
          name={name}
          rules={required ? { validate: (v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)) || t('form.required') } : undefined}
          render={({ field: f, fieldState }) => (
            <RelationPicker
              label={label}
              target={field.type === 'file' ? 'document' : (field.config.target ?? '')}
              many={field.type === 'relation' && field.config.many === true}
              value={f.value as string | string[]}
              onChange={f.onChange}
              isRequired={required}
              error={messageOf(label, fieldState.error)}
              inputRef={f.ref}
            />
          )}
        />
      );
    case 'email':
      return <TextInput control={control} name={name} label={label} rules={rules} type="email" autoComplete="off" />;
    case 'phone':
      return <TextInput control={control} name={name} label={label} rules={rules} type="tel" autoComplete="off" />;
    default:
      return <TextInput control={control} name={name} label={label} rules={rules} autoComplete="off" />;
  }
}
