import { useId } from 'react';

/**
 * A list's filter or sort, kept in the URL: a native select (keyboard and screen readers know
 * it) labelled above, whose first option means "any".
 */
export function FilterSelect<V extends string>({ label, value, anyLabel, options, onChange }: { label: string; value: V | undefined; anyLabel?: string; options: { id: V; label: string }[]; onChange: (value: V | undefined) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange((e.target.value || undefined) as V | undefined)}
        className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30"
      >
        {anyLabel !== undefined ? <option value="">{anyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.id} value={o.id}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
