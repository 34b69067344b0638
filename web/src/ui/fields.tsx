import { Controller, type FieldValues } from 'react-hook-form';
import { Button as AriaButton, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, Text, TextField } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { errorStyle, inputStyle, labelStyle, messageOf, type FieldProps } from './field-styles.js';

/** A labelled text field bound to the form; errors (as you type, or from the server) show under it. */
export function TextInput<T extends FieldValues>({ control, name, label, rules, description, type = 'text', autoComplete }: FieldProps<T> & { type?: 'text' | 'email' | 'password' | 'tel'; autoComplete?: string }) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <TextField
          value={(field.value as string | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          name={field.name}
          type={type}
          autoComplete={autoComplete}
          isRequired={Boolean(rules?.required)}
          isInvalid={fieldState.invalid}
          validationBehavior="aria"
          className="block"
        >
          <Label className={labelStyle}>{label}</Label>
          <Input ref={field.ref} className={inputStyle} />
          {description ? <Text slot="description" className="mt-1 block text-xs text-slate-500">{description}</Text> : null}
          <FieldError className={errorStyle}>{messageOf(label, fieldState.error)}</FieldError>
        </TextField>
      )}
    />
  );
}

/** A labelled choice among a few options (react-aria's Select: keyboard and screen-reader ready). */
export function SelectInput<T extends FieldValues>({ control, name, label, rules, options }: FieldProps<T> & { options: { id: string; label: string }[] }) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <Select selectedKey={(field.value as string | undefined) ?? null} onSelectionChange={(key) => field.onChange(key)} onBlur={field.onBlur} name={field.name} isInvalid={fieldState.invalid} validationBehavior="aria" className="block">
          <Label className={labelStyle}>{label}</Label>
          <AriaButton ref={field.ref} className={`${inputStyle} flex items-center justify-between text-left`}>
            <SelectValue />
            <ChevronDown aria-hidden size={16} />
          </AriaButton>
          <FieldError className={errorStyle}>{messageOf(label, fieldState.error)}</FieldError>
          <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
            <ListBox className="max-h-64 overflow-auto p-1 outline-none">
              {options.map((o) => (
                <ListBoxItem key={o.id} id={o.id} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold">
                  {o.label}
                </ListBoxItem>
              ))}
            </ListBox>
          </Popover>
        </Select>
      )}
    />
  );
}
