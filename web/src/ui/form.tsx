import { useRef, useState, type BaseSyntheticEvent, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';
import type { Problem } from '@courtyard/sdk';
import { asProblem } from '../api/problem.js';
import { useT } from '../i18n/intl.js';
import { Button } from './Button.js';
import { StepUpField } from './StepUpField.js';

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; plain-http hosts have none). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Answer<R> = { data?: R; error?: unknown; response: Response };

/**
 * Where a refusal is shown: each field error on the form's field of that name (`admin.email`),
 * and above the form the problem's detail when no field explains it, with the errors of fields
 * the form does not have.
 */
export function placeProblem(problem: Problem, hasField: (field: string) => boolean, alwaysDetail = false): { fields: { field: string; message: string }[]; message: string | null } {
  // A field named as a JSON pointer (`/currentPassword`, `/admin/password`: the password checks') is the form's dotted name.
  const errors = (problem.errors ?? []).map((e) => (e.field.startsWith('/') ? { ...e, field: e.field.slice(1).replaceAll('/', '.') } : e));
  const fields = errors.filter((e) => hasField(e.field));
  const unplaced = errors.filter((e) => !hasField(e.field)).map((e) => `${e.field} ${e.message}`);
  return { fields, message: alwaysDetail || fields.length === 0 || unplaced.length > 0 ? [problem.detail, ...unplaced].join(' — ') : null };
}

/**
 * A form bound to an API call: validation as you type (react-hook-form), the problem document's
 * field `errors` put on the fields they name, anything else said above the form, and the input
 * kept whatever the server answers. With `idempotent`, every submission carries an
 * Idempotency-Key, kept while an attempt's outcome is unknown (a network error, a 5xx) so that
 * a retry cannot do the work twice, and renewed once the server has answered. `hasField` says
 * which names have an input showing errors (by default, any name the form holds a value for);
 * `showDetail` says which refusals keep the problem's detail above the form even when fields
 * explain them (a 409 whose detail names the records in the way).
 */
export function useApiForm<T extends FieldValues>(options: { defaultValues: DefaultValues<T>; idempotent?: boolean; hasField?: (field: string) => boolean; showDetail?: (problem: Problem) => boolean }) {
  const t = useT();
  const form = useForm<T>({ defaultValues: options.defaultValues, mode: 'onTouched' });
  const [formError, setFormError] = useState<string | null>(null);
  const [stepUp, setStepUp] = useState(false);
  const key = useRef<string | null>(null);

  function onSubmit<R>(send: (values: T, headers: Record<string, string>) => Promise<Answer<R>>, onDone: (data: R) => void) {
    return form.handleSubmit(async (values) => {
      setFormError(null);
      setStepUp(false);
      const headers: Record<string, string> = {};
      if (options.idempotent) headers['idempotency-key'] = key.current ??= newIdempotencyKey();
      let answer: Answer<R>;
      try {
        answer = await send(values, headers);
      } catch {
        setFormError(t('form.networkError'));
        return;
      }
      if (answer.response.status < 500) key.current = null;
      if (answer.response.ok) return onDone(answer.data as R);
      const problem = asProblem(answer.error, answer.response);
      if (problem.code === 'mfa_required') setStepUp(true);
      const placed = placeProblem(problem, options.hasField ?? ((field) => form.getValues(field as Path<T>) !== undefined), options.showDetail?.(problem));
      for (const e of placed.fields) form.setError(e.field as Path<T>, { type: 'server', message: e.message });
      if (placed.fields[0]) form.setFocus(placed.fields[0].field as Path<T>);
      if (placed.message) setFormError(placed.message);
    });
  }
  return { form, formError, onSubmit, stepUp };
}

/** The frame of a form: the refusal that belongs to no field, the fields, and the submit button (`Save` unless told). */
export function ApiForm<T extends FieldValues>({ form, formError, onSubmit, submitLabel, stepUp, children }: { form: UseFormReturn<T>; formError: string | null; onSubmit: (event?: BaseSyntheticEvent) => Promise<void>; submitLabel?: string; stepUp?: boolean; children: ReactNode }) {
  const t = useT();
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate className="max-w-xl space-y-4">
      {formError ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      {children}
      {stepUp ? <StepUpField onDone={() => void onSubmit()} /> : null}
      <Button type="submit" isDisabled={form.formState.isSubmitting}>
        {submitLabel ?? t('form.save')}
      </Button>
    </form>
  );
}
