import { useId, type ReactNode, type RefObject } from 'react';
import type { Plane } from '../api/plane.js';
import { BrandHeader } from './brand.js';

/**
 * The pieces of the pages shown before anyone signs in (sign-in, forgot and reset password):
 * plain elements, no form library and no react-aria widgets, so that the first chunk stays small
 * (docs/web.md, budgets).
 */

const inputStyle = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30 aria-[invalid=true]:border-red-600';

/** A labelled input; its error (required, or the server's) is read out with it. */
export function PlainInput({ name, label, type, autoComplete, value, error, description, inputRef, onChange, onBlur }: { name: string; label: string; type: string; autoComplete: string; value: string; error: string | null; description?: string; inputRef?: RefObject<HTMLInputElement | null>; onChange: (v: string) => void; onBlur: () => void }) {
  const id = useId();
  const described = [description ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className="block">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        value={value}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
        className={inputStyle}
      />
      {description ? (
        <span id={`${id}-help`} className="mt-1 block text-xs text-slate-500">
          {description}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="mt-1 block text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}

export function PlainSubmit({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={busy}
      className="inline-flex items-center gap-2 rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none hover:brightness-110 focus-visible:ring-2 focus-visible:ring-brand focus-visible:ring-offset-2 disabled:opacity-50"
    >
      {children}
    </button>
  );
}

/** The card a signed-out page sits in, with its one h1. */
export function PlainPage({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen items-center justify-center p-4">
      <main className="w-full max-w-sm space-y-6 rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <BrandHeader />
        <h1 className="text-xl font-semibold">{heading}</h1>
        {children}
      </main>
    </div>
  );
}

export function PlainAlert({ children }: { children: ReactNode }) {
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
      {children}
    </p>
  );
}

export const linkStyle = 'text-sm text-brand underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-brand';

/**
 * The pages of account recovery, at these paths under the console's, the workspace's or the
 * portal's base path; and accepting an invitation (the invitation e-mail's link, workspace and
 * portal only).
 */
export type RecoveryPage = 'forgot-password' | 'reset-password' | 'accept-invitation';

export const recoveryHref = (plane: Plane, page: RecoveryPage | null): string => `${plane.basepath.replace(/\/$/, '')}/${page ?? ''}`;

/** Which recovery page an address is, if any: they are shown whether or not someone is signed in. */
export function recoveryPageOf(plane: Plane, pathname: string): RecoveryPage | null {
  const rest = pathname.slice(plane.basepath.replace(/\/$/, '').length).replace(/\/$/, '');
  if (rest === '/forgot-password') return 'forgot-password';
  if (rest === '/reset-password') return 'reset-password';
  return rest === '/accept-invitation' && plane.kind !== 'console' ? 'accept-invitation' : null;
}
