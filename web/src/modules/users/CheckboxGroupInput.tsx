import { Controller, type Control, type FieldValues, type Path, type RegisterOptions } from 'react-hook-form';
import { Checkbox, CheckboxGroup, FieldError, Label } from 'react-aria-components';
import { Check } from 'lucide-react';

/** Several choices among a few (roles, event types): the form holds the chosen ids. */
export function CheckboxGroupInput<T extends FieldValues>({ control, name, label, rules, options }: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  rules?: RegisterOptions<T, Path<T>>;
  options: { id: string; label: string; description?: string }[];
}) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <CheckboxGroup value={(field.value as string[] | undefined) ?? []} onChange={field.onChange} name={field.name} isInvalid={fieldState.invalid} validationBehavior="aria" className="block space-y-2">
          <Label className="text-sm font-medium text-slate-700">{label}</Label>
          <div className="space-y-2">
            {options.map((o) => (
              <Checkbox key={o.id} value={o.id} className="group flex items-start gap-2 text-sm text-slate-800">
                <span aria-hidden className="mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border border-slate-400 group-data-[selected]:border-brand group-data-[selected]:bg-brand group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-brand/40">
                  <Check size={12} className="hidden text-white group-data-[selected]:block" />
                </span>
                <span>
                  <span className="font-medium">{o.label}</span>
                  {o.description ? <span className="block text-xs text-slate-600">{o.description}</span> : null}
                </span>
              </Checkbox>
            ))}
          </div>
          <FieldError className="block text-sm text-red-700">{fieldState.error?.type === 'server' ? `${label} ${fieldState.error.message ?? ''}` : fieldState.error?.message}</FieldError>
        </CheckboxGroup>
      )}
    />
  );
}
