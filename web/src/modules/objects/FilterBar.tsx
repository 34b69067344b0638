import { useId, useState, type FormEvent } from 'react';
import { X } from 'lucide-react';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { filterValueText, filterValueToApi } from './filter-values.js';
import type { Filter } from './search.js';
import { operatorsOf, valueField, type ObjectField, type Operator } from './types.js';

const control = 'mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30';

/** The value input of a filter, by the field's type: an option, yes/no, a date, a number or text. */
function ValueInput({ id, field: computed, op, value, onChange }: { id: string; field: ObjectField; op: Operator; value: string; onChange: (v: string) => void }) {
  const t = useT();
  const field = valueField(computed);
  if (op === 'is_blank' || field.type === 'boolean') {
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={control}>
        <option value="true">{t('objects.yes')}</option>
        <option value="false">{t('objects.no')}</option>
      </select>
    );
  }
  if (field.type === 'select' || field.type === 'multi_select') {
    return (
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={control}>
        {field.config.options?.map((o) => <option key={o.key} value={o.key}>{o.label}</option>)}
      </select>
    );
  }
  const type = field.type === 'date' ? 'date' : field.type === 'number' ? 'number' : 'text';
  return <input id={id} type={type} value={value} onChange={(e) => onChange(e.target.value)} className={control} autoComplete="off" />;
}

const firstValue = (field: ObjectField | undefined, op: Operator) => (op === 'is_blank' || field?.type === 'boolean' ? 'true' : field?.type === 'select' || field?.type === 'multi_select' ? (field.config.options?.[0]?.key ?? '') : '');

/**
 * The filters of an object's records: the active ones as chips (each removable), and a small
 * form (field, operator, value) that adds one. The filters live in the URL, in the API's syntax.
 */
export function FilterBar({ fields, filters, onAdd, onRemove }: { fields: ObjectField[]; filters: Filter[]; onAdd: (f: Filter) => void; onRemove: (f: Filter) => void }) {
  const t = useT();
  const { locale } = useLocale();
  const ids = { field: useId(), op: useId(), value: useId() };
  const filterable = fields.filter((f) => operatorsOf(f).length > 0);
  const [key, setKey] = useState(filterable[0]?.key ?? '');
  const field = filterable.find((f) => f.key === key) ?? filterable[0];
  const ops = field ? operatorsOf(field) : [];
  const [op, setOp] = useState<Operator>(ops[0] ?? 'eq');
  const shownOp = ops.includes(op) ? op : (ops[0] ?? 'eq');
  const [value, setValue] = useState(() => firstValue(field, shownOp));
  const [invalid, setInvalid] = useState(false);
  if (!field) return null;
  const words = { yes: t('objects.yes'), no: t('objects.no') };
  const chooseField = (next: string) => {
    const f = filterable.find((x) => x.key === next);
    const nextOp = f ? operatorsOf(f)[0]! : 'eq';
    setKey(next);
    setOp(nextOp);
    setValue(firstValue(f, nextOp));
    setInvalid(false);
  };
  const chooseOp = (next: Operator) => {
    setOp(next);
    if (next === 'is_blank' || shownOp === 'is_blank') setValue(firstValue(field, next));
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const apiValue = filterValueToApi(field, shownOp, value, locale);
    if (apiValue === null) return setInvalid(true);
    setInvalid(false);
    onAdd({ field: field.key, op: shownOp, value: apiValue });
  };
  return (
    <div className="space-y-2">
      <form onSubmit={add} aria-label={t('objects.filters')} className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col">
          <label htmlFor={ids.field} className="text-sm font-medium text-slate-700">{t('objects.filter.field')}</label>
          <select id={ids.field} value={field.key} onChange={(e) => chooseField(e.target.value)} className={control}>
            {filterable.map((f) => <option key={f.key} value={f.key}>{f.label}</option>)}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor={ids.op} className="text-sm font-medium text-slate-700">{t('objects.filter.op')}</label>
          <select id={ids.op} value={shownOp} onChange={(e) => chooseOp(e.target.value as Operator)} className={control}>
            {ops.map((o) => <option key={o} value={o}>{t(`objects.op.${o}` as MessageId)}</option>)}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor={ids.value} className="text-sm font-medium text-slate-700">{t('objects.filter.value')}</label>
          <ValueInput id={ids.value} field={field} op={shownOp} value={value} onChange={(v) => { setValue(v); setInvalid(false); }} />
        </div>
        <Button type="submit" variant="secondary">{t('objects.filter.add')}</Button>
        {invalid ? <p role="alert" className="basis-full text-sm text-red-700">{t('objects.filter.invalid', { field: field.label })}</p> : null}
      </form>
      {filters.length > 0 ? (
        <ul aria-label={t('objects.filter.active')} className="flex flex-wrap gap-2">
          {filters.map((f) => {
            const of = fields.find((x) => x.key === f.field);
            const text = of ? `${of.label} ${t(`objects.op.${f.op}` as MessageId)} ${filterValueText(of, f, locale, words)}` : `${f.field} ${f.op} ${f.value}`;
            return (
              <li key={`${f.field}-${f.op}`} className="inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white py-0.5 pr-1 pl-3 text-sm">
                {text}
                <Button variant="secondary" className="!px-1 !py-0.5 !ring-0" aria-label={t('objects.filter.remove', { filter: text })} onPress={() => onRemove(f)}>
                  <X aria-hidden size={14} />
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
