import { useId, useState } from 'react';
import { Checkbox } from 'react-aria-components';
import { Check, Lock } from 'lucide-react';
import { useT } from '../../i18n/intl.js';
import { requiredBy, toggle, type CatalogueModule } from './modules.js';

/**
 * The plan's modules as checkboxes: choosing one chooses what it needs (said in a status line),
 * and one that a chosen module needs is locked, with the modules that need it said beside it.
 */
export function ModulePicker({ catalogue, value, onChange, error }: { catalogue: CatalogueModule[]; value: string[]; onChange: (next: string[]) => void; error?: string }) {
  const t = useT();
  const id = useId();
  const [said, setSaid] = useState('');
  const nameOf = (key: string) => catalogue.find((m) => m.key === key)?.name ?? key;
  const list = (keys: string[]) => new Intl.ListFormat(undefined, { type: 'conjunction' }).format(keys.map(nameOf));

  const change = (key: string, on: boolean) => {
    const result = toggle(catalogue, value, key, on);
    if (result.refusedBy.length > 0) setSaid(t('plans.cannotRemove', { module: nameOf(key), modules: list(result.refusedBy) }));
    else if (result.added.length > 0) setSaid(t('plans.alsoChosen', { module: nameOf(key), modules: list(result.added) }));
    else setSaid('');
    onChange(result.chosen);
  };

  return (
    <fieldset className="space-y-2 rounded-lg border border-slate-200 p-4" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="px-1 text-sm font-semibold">{t('plans.modules')}</legend>
      <p className="text-xs text-slate-500">{t('plans.modulesHelp')}</p>
      <ul className="space-y-2">
        {catalogue.map((m) => {
          const needing = requiredBy(catalogue, value, m.key);
          const locked = value.includes(m.key) && needing.length > 0;
          const why = `${id}-${m.key}-why`;
          return (
            <li key={m.key} className="flex flex-wrap items-start gap-x-3 gap-y-1">
              <Checkbox
                isSelected={value.includes(m.key)}
                isReadOnly={locked}
                onChange={(on) => change(m.key, on)}
                aria-describedby={locked ? why : undefined}
                className="group flex items-center gap-2 text-sm text-slate-800"
              >
                <span aria-hidden className="flex size-4 items-center justify-center rounded border border-slate-400 group-data-[selected]:border-brand group-data-[selected]:bg-brand group-data-[focus-visible]:ring-2 group-data-[focus-visible]:ring-brand/40 group-data-[readonly]:opacity-70">
                  <Check size={12} className="hidden text-white group-data-[selected]:block" />
                </span>
                <span className="font-medium">{m.name}</span>
              </Checkbox>
              {locked ? (
                <span id={why} className="flex items-center gap-1 text-xs text-slate-600">
                  <Lock aria-hidden size={12} />
                  {t('plans.neededBy', { modules: list(needing) })}
                </span>
              ) : m.description ? (
                <span className="text-xs text-slate-500">{m.description}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p role="status" className="min-h-5 text-sm text-slate-700">{said}</p>
      {error ? <p id={`${id}-error`} className="text-sm text-red-700">{error}</p> : null}
    </fieldset>
  );
}
