import type { ReactNode } from 'react';
import type { Control, FieldValues, Path, RegisterOptions } from 'react-hook-form';

/** The look of every form field, in one place (ui/fields, ui/more-fields and module pickers). */
export const labelStyle = 'text-sm font-medium text-slate-700';
export const inputStyle = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30 data-[invalid]:border-red-600';
export const errorStyle = 'mt-1 block text-sm text-red-700';

/** What every field bound to a react-hook-form form takes. */
export interface FieldProps<T extends FieldValues> {
  control: Control<T>;
  name: Path<T>;
  label: string;
  rules?: RegisterOptions<T, Path<T>>;
  description?: ReactNode;
}

/** A server's field error says what is wrong ("is already taken"); beside the field it reads with its label. */
export const messageOf = (label: string, error: { type: string; message?: string } | undefined) =>
  error?.type === 'server' ? `${label} ${error.message ?? ''}` : error?.message;
