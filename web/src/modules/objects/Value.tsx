import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Check, Minus } from 'lucide-react';
import type { CourtyardClient } from '@courtyard/sdk';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT } from '../../i18n/intl.js';
import { formatCalendarDate } from '../../ui/dates.js';
import { may, useMe, type Me } from '../../workspace/me.js';
import { displayOf, refPath, type Display } from './format.js';
import { batchedLabel } from './labels.js';
import { valueField, type ObjectField, type SelectOption } from './types.js';

/** A select option as a badge, in the option's colour when it has one (set through the CSSOM, as the CSP wants). */
export function OptionBadge({ option }: { option: SelectOption }) {
  return (
    <span className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-800">
      {option.color ? <span aria-hidden className="size-2 rounded-full" style={{ backgroundColor: option.color }} /> : null}
      {option.label}
    </span>
  );
}

/** What reading a target needs: its module's permission. */
const READ: Record<string, [string, string]> = {
  member: ['members', 'members.read'],
  unit: ['properties', 'properties.read'],
  property: ['properties', 'properties.read'],
  lease: ['leases', 'leases.read'],
  document: ['documents', 'documents.read'],
};
const mayRead = (me: Me | undefined, target: string) => {
  const [module, permission] = READ[target] ?? ['objects', 'objects.read'];
  return may(me, module, permission);
};

/** A document's title (documents are not among the labels the objects API gives). */
async function documentTitle(api: CourtyardClient, id: string): Promise<string> {
  return unwrap(await api.GET('/api/v1/documents/{id}', { params: { path: { id } } })).title;
}

/** A related record's name: a page's links ask for theirs together (labels.ts), a document's on its own. */
function RefLabel({ target, id }: { target: string; id: string }) {
  const t = useT();
  const api = useApi();
  const { locale } = useLocale();
  const label = useQuery({
    queryKey: ['objects', 'ref', target, id, locale],
    queryFn: async () => {
      if (target === 'document') return documentTitle(api, id);
      const found = await batchedLabel(api, target, id);
      if (!found) return null;
      if (found.startDate) return t('objects.leaseFrom', { start: formatCalendarDate(found.startDate, locale) });
      return found.label || null;
    },
    staleTime: 300_000,
    retry: false,
  });
  return <>{label.data ?? `#${id.slice(-8)}`}</>;
}

/** A link to a related record's page, named by it; its id alone when the viewer may not read it. */
export function RefLink({ target, id }: { target: string; id: string }) {
  const me = useMe();
  const path = refPath(target, id);
  if (!mayRead(me.data, target) || !path) return <span className="font-mono text-xs">{`#${id.slice(-8)}`}</span>;
  return (
    <Link to={path} className="text-brand underline-offset-2 hover:underline">
      <RefLabel target={target} id={id} />
    </Link>
  );
}

export function DisplayView({ display }: { display: Display }) {
  const t = useT();
  switch (display.kind) {
    case 'empty':
      return <span className="text-slate-400">—</span>;
    case 'boolean':
      return display.value ? (
        <span className="inline-flex items-center gap-1"><Check aria-hidden size={14} />{t('objects.yes')}</span>
      ) : (
        <span className="inline-flex items-center gap-1 text-slate-600"><Minus aria-hidden size={14} />{t('objects.no')}</span>
      );
    case 'options':
      return (
        <span className="flex flex-wrap gap-1">
          {display.options.map((o) => <OptionBadge key={o.key} option={o} />)}
        </span>
      );
    case 'refs':
      return (
        <span className="flex flex-wrap gap-x-2">
          {display.ids.map((id) => <RefLink key={id} target={display.target} id={id} />)}
        </span>
      );
    default:
      if (display.href) return <a href={display.href} className="text-brand underline-offset-2 hover:underline" rel="noreferrer noopener">{display.text}</a>;
      return display.multiline ? <span className="whitespace-pre-wrap">{display.text}</span> : <>{display.text}</>;
  }
}

/** A field's value, formatted by its type in the viewer's locale (date-times in the tenant's zone). */
export function FieldValue({ field, value }: { field: ObjectField; value: unknown }) {
  const { locale } = useLocale();
  const me = useMe();
  return <DisplayView display={displayOf(valueField(field), value, locale, me.data?.tenant.timeZone)} />;
}
