import { Button as AriaButton, type ButtonProps } from 'react-aria-components';

const styles = {
  primary: 'bg-brand text-white hover:brightness-110',
  secondary: 'bg-white text-slate-900 ring-1 ring-slate-300 hover:bg-slate-100',
  danger: 'bg-red-700 text-white hover:bg-red-800',
} as const;

export function Button({ variant = 'primary', className, ...props }: ButtonProps & { variant?: keyof typeof styles; className?: string }) {
  return (
    <AriaButton
      {...props}
      className={`inline-flex items-center gap-2 rounded-md px-3 py-1.5 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-offset-2 focus-visible:ring-brand disabled:opacity-50 ${styles[variant]} ${className ?? ''}`}
    />
  );
}

/** A link drawn as a button (a create action that opens a page). */
export const buttonLink = 'inline-flex items-center gap-2 rounded-md bg-brand px-3 py-1.5 text-sm font-medium text-white outline-none hover:brightness-110 focus-visible:ring-2 focus-visible:ring-offset-2 focus-visible:ring-brand';
