import { useId } from 'react';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { parseMinorUnits, toMajorText } from '../../ui/money.js';
import { calls, cleanCriteria, MEMBER_TYPES, OCCUPANCY_ROLES, type SegmentCriteria } from './api.js';
import { memberTypeLabel, roleLabel } from './labels.js';

export const fieldStyle = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30';
export const labelStyle = 'block text-sm font-medium text-slate-700';

/** The criteria as the form holds them: what is typed, before it is checked. */
export interface CriteriaForm {
  propertyIds: string[];
  unitIds: string[];
  roles: string[];
  memberTypes: string[];
  arrearsAmount: string;
  arrearsCurrency: string;
  leaseEndingBefore: string;
}
export interface AudienceForm {
  mode: 'segment' | 'criteria';
  segmentId: string;
  criteria: CriteriaForm;
  saveSegment: boolean;
  segmentName: string;
}

export const emptyCriteria: CriteriaForm = { propertyIds: [], unitIds: [], roles: [], memberTypes: [], arrearsAmount: '', arrearsCurrency: 'EUR', leaseEndingBefore: '' };

export function criteriaForm(c: SegmentCriteria): CriteriaForm {
  return {
    propertyIds: c.propertyIds ?? [],
    unitIds: c.unitIds ?? [],
    roles: c.roles ?? [],
    memberTypes: c.memberTypes ?? [],
    arrearsAmount: c.arrearsOver ? toMajorText(c.arrearsOver.amount, c.arrearsOver.currency) : '',
    arrearsCurrency: c.arrearsOver?.currency ?? 'EUR',
    leaseEndingBefore: c.leaseEndingBefore ?? '',
  };
}

/** The criteria to send, or the message id of what is wrong with them. */
export function criteriaOf(form: CriteriaForm, locale: string): { ok: true; criteria: SegmentCriteria } | { ok: false; error: 'communications.arrears.invalid' } {
  let arrearsOver: SegmentCriteria['arrearsOver'];
  if (form.arrearsAmount.trim()) {
    const currency = form.arrearsCurrency.trim().toUpperCase();
    const parsed = parseMinorUnits(form.arrearsAmount, currency, locale);
    if (!parsed.ok) return { ok: false, error: 'communications.arrears.invalid' };
    arrearsOver = { amount: parsed.amount, currency };
  }
  return {
    ok: true,
    criteria: cleanCriteria({
      propertyIds: form.propertyIds,
      unitIds: form.unitIds,
      roles: form.roles as SegmentCriteria['roles'],
      memberTypes: form.memberTypes as SegmentCriteria['memberTypes'],
      arrearsOver,
      leaseEndingBefore: form.leaseEndingBefore || undefined,
    }),
  };
}

/** A group of checkboxes under a legend; a long one scrolls. */
export function CheckList({ legend, options, value, onChange, name }: { legend: string; options: { id: string; label: string }[]; value: string[]; onChange: (next: string[]) => void; name: string }) {
  return (
    <fieldset className="space-y-1">
      <legend className={labelStyle}>{legend}</legend>
      <div className={options.length > 8 ? 'max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 bg-white p-2' : 'flex flex-wrap gap-x-5 gap-y-1'}>
        {options.map((o) => (
          <label key={o.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={o.id} checked={value.includes(o.id)} onChange={(e) => onChange(e.target.checked ? [...value, o.id] : value.filter((v) => v !== o.id))} className="size-4 accent-brand" />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Properties (blocks, sub-properties indented under their parent) and units to choose from: the first 200 of each. */
export function usePlaces() {
  const api = useApi();
  const properties = useQuery({
    queryKey: ['communications', 'properties'],
    queryFn: async () => unwrap(await api.GET('/api/v1/properties', { params: { query: { limit: 200 } } })).data,
  });
  const units = useQuery({
    queryKey: ['communications', 'units'],
    queryFn: async () => unwrap(await api.GET('/api/v1/units', { params: { query: { limit: 200 } } })).data,
  });
  const all = properties.data ?? [];
  const names = new Map(all.map((p) => [p.id, p.name]));
  const tree = (parentId: string | null, depth: number): { id: string; label: string }[] =>
    all.filter((p) => (p.parentId ?? null) === parentId || (depth === 0 && p.parentId !== null && !names.has(p.parentId))).flatMap((p) => [{ id: p.id, label: `${'— '.repeat(depth)}${p.name}` }, ...tree(p.id, depth + 1)]);
  return {
    properties: tree(null, 0),
    units: (units.data ?? []).map((u) => ({ id: u.id, label: names.has(u.propertyId) ? `${u.label} (${names.get(u.propertyId)})` : u.label })),
  };
}

/** Who an announcement goes to: a saved segment, or criteria (optionally saved as a new segment). */
export function AudienceFields({ value, onChange }: { value: AudienceForm; onChange: (next: AudienceForm) => void }) {
  const t = useT();
  const api = useApi();
  const id = useId();
  const segments = useQuery({ queryKey: ['communications', 'segments'], queryFn: () => calls(api).segments() });
  const places = usePlaces();
  const c = value.criteria;
  const setCriteria = (patch: Partial<CriteriaForm>) => onChange({ ...value, criteria: { ...c, ...patch } });
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-base font-semibold">{t('communications.audience')}</legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2" role="radiogroup" aria-label={t('communications.audience.how')}>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'segment'} onChange={() => onChange({ ...value, mode: 'segment' })} className="size-4 accent-brand" />
          {t('communications.audience.segment')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name={`${id}-mode`} checked={value.mode === 'criteria'} onChange={() => onChange({ ...value, mode: 'criteria' })} className="size-4 accent-brand" />
          {t('communications.audience.criteria')}
        </label>
      </div>
      {value.mode === 'segment' ? (
        <div>
          <label htmlFor={`${id}-segment`} className={labelStyle}>{t('communications.segment')}</label>
          <select id={`${id}-segment`} className={fieldStyle} value={value.segmentId} onChange={(e) => onChange({ ...value, segmentId: e.target.value })}>
            <option value="">{t('communications.segment.choose')}</option>
            {(segments.data ?? []).map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          {segments.data?.length === 0 ? <p className="mt-1 text-sm text-slate-600">{t('communications.segment.none')}</p> : null}
        </div>
      ) : (
        <div className="space-y-4">
          <p className="text-sm text-slate-600">{t('communications.criteria.help')}</p>
          <CheckList legend={t('communications.criteria.properties')} name="propertyIds" options={places.properties} value={c.propertyIds} onChange={(propertyIds) => setCriteria({ propertyIds })} />
          <CheckList legend={t('communications.criteria.units')} name="unitIds" options={places.units} value={c.unitIds} onChange={(unitIds) => setCriteria({ unitIds })} />
          <CheckList legend={t('communications.criteria.roles')} name="roles" options={OCCUPANCY_ROLES.map((r) => ({ id: r, label: t(roleLabel(r)) }))} value={c.roles} onChange={(roles) => setCriteria({ roles })} />
          <CheckList legend={t('communications.criteria.memberTypes')} name="memberTypes" options={MEMBER_TYPES.map((r) => ({ id: r, label: t(memberTypeLabel(r)) }))} value={c.memberTypes} onChange={(memberTypes) => setCriteria({ memberTypes })} />
          <fieldset className="flex flex-wrap items-end gap-3">
            <legend className={labelStyle}>{t('communications.criteria.arrears')}</legend>
            <div>
              <label htmlFor={`${id}-arrears`} className="text-sm text-slate-700">{t('communications.criteria.arrearsAmount')}</label>
              <input id={`${id}-arrears`} inputMode="decimal" className={fieldStyle} value={c.arrearsAmount} onChange={(e) => setCriteria({ arrearsAmount: e.target.value })} />
            </div>
            <div>
              <label htmlFor={`${id}-currency`} className="text-sm text-slate-700">{t('communications.criteria.currency')}</label>
              <input id={`${id}-currency`} className={`${fieldStyle} w-24 uppercase`} maxLength={3} value={c.arrearsCurrency} onChange={(e) => setCriteria({ arrearsCurrency: e.target.value.toUpperCase() })} />
            </div>
          </fieldset>
          <div>
            <label htmlFor={`${id}-lease`} className={labelStyle}>{t('communications.criteria.leaseEndingBefore')}</label>
            <input id={`${id}-lease`} type="date" className={`${fieldStyle} w-48`} value={c.leaseEndingBefore} onChange={(e) => setCriteria({ leaseEndingBefore: e.target.value })} />
          </div>
          <div className="space-y-2">
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={value.saveSegment} onChange={(e) => onChange({ ...value, saveSegment: e.target.checked })} className="size-4 accent-brand" />
              {t('communications.saveSegment')}
            </label>
            {value.saveSegment ? (
              <div>
                <label htmlFor={`${id}-segment-name`} className={labelStyle}>{t('communications.segmentName')}</label>
                <input id={`${id}-segment-name`} required maxLength={120} className={fieldStyle} value={value.segmentName} onChange={(e) => onChange({ ...value, segmentName: e.target.value })} />
              </div>
            ) : null}
          </div>
        </div>
      )}
    </fieldset>
  );
}
