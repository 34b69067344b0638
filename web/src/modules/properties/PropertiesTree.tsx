import { useCallback, useId, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { buttonLink } from '../../ui/Button.js';
import { Page } from '../../ui/Page.js';
import { SearchBox } from '../../ui/SearchBox.js';
import { may, useMe } from '../../workspace/me.js';
import { propertiesRoute } from './routes.js';
import { badge, secondaryLink, textLink } from './styles.js';
import { propertyKindLabel, unitKindLabel, unitStatusLabel, type Property } from './types.js';

/** What is inside a property: the properties under it, then its own units. Read when first opened. */
function Contents({ property, id }: { property: Property; id: string }) {
  const t = useT();
  const api = useApi();
  const children = useQuery({
    queryKey: ['properties', { parentId: property.id }],
    queryFn: async () => unwrap(await api.GET('/api/v1/properties', { params: { query: { limit: 200, parentId: property.id } } })),
  });
  const units = useQuery({
    queryKey: ['units', { propertyId: property.id }],
    queryFn: async () => unwrap(await api.GET('/api/v1/properties/{id}/units', { params: { path: { id: property.id }, query: { limit: 200 } } })),
  });
  if (children.isLoading || units.isLoading) return <p id={id} className="ml-8 text-sm text-slate-500">{t('list.loading')}</p>;
  const props = children.data?.data ?? [];
  const unitRows = units.data?.data ?? [];
  if (props.length === 0 && unitRows.length === 0) return <p id={id} className="ml-8 text-sm text-slate-500">{t('properties.tree.empty')}</p>;
  return (
    <ul id={id} className="ml-6 space-y-1 border-l border-slate-200 pl-2">
      {props.map((p) => <PropertyNode key={p.id} property={p} />)}
      {unitRows.map((u) => (
        <li key={u.id} className="flex items-center gap-2 py-0.5 pl-7 text-sm">
          <Link to="/units/$unitId" params={{ unitId: u.id }} className={textLink}>{u.label}</Link>
          <span className="text-slate-500">{t(unitKindLabel(u.kind))}</span>
          <span className={badge}>{t(unitStatusLabel(u.status))}</span>
        </li>
      ))}
      {children.data?.nextCursor || units.data?.nextCursor ? (
        <li className="pl-7 text-sm">
          <Link to="/properties/$propertyId" params={{ propertyId: property.id }} search={{}} className={textLink}>{t('properties.tree.more')}</Link>
        </li>
      ) : null}
    </ul>
  );
}

/** One property of the tree: a button that opens and closes it (aria-expanded), and a link to its page. */
function PropertyNode({ property }: { property: Property }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <li>
      <div className="flex items-center gap-2 py-0.5 text-sm">
        <button
          type="button"
          aria-expanded={open}
          aria-controls={open ? id : undefined}
          aria-label={t('properties.tree.contents', { name: property.name })}
          onClick={() => setOpen(!open)}
          className="rounded p-0.5 text-slate-600 outline-none hover:bg-slate-100 focus-visible:ring-2 focus-visible:ring-brand"
        >
          {open ? <ChevronDown aria-hidden size={18} /> : <ChevronRight aria-hidden size={18} />}
        </button>
        <Link to="/properties/$propertyId" params={{ propertyId: property.id }} search={{}} className={textLink}>{property.name}</Link>
        <span className="text-slate-500">{t(propertyKindLabel(property.kind))}</span>
        {property.archived ? <span className={badge}>{t('properties.archived')}</span> : null}
      </div>
      {open ? <Contents property={property} id={id} /> : null}
    </li>
  );
}

/** The estate as a tree: the top-level properties (or those matching the search), each opening onto its blocks and units. */
export function PropertiesTree() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const search = propertiesRoute.useSearch();
  const navigate = useNavigate();
  const roots = useQuery({
    queryKey: ['properties', { q: search.q, cursor: search.cursor, roots: true }],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/properties', { params: { query: { limit: 100, cursor: search.cursor, ...(search.q ? { q: search.q } : { topLevel: true }) } } })),
    placeholderData: keepPreviousData,
  });
  const onSearch = useCallback((q: string) => void navigate({ to: '/properties', search: { q: q || undefined }, replace: true }), [navigate]);
  const canWrite = may(me.data, 'properties', 'properties.write');
  const rows = roots.data?.data ?? [];
  const next = roots.data?.nextCursor;
  return (
    <Page
      title={t('nav.properties')}
      actions={
        <>
          <Link to="/properties/vacancy" className={secondaryLink}>{t('properties.vacancy.title')}</Link>
          {canWrite ? <Link to="/properties/import" className={secondaryLink}>{t('properties.import.title')}</Link> : null}
          {canWrite ? <Link to="/properties/new" search={{}} className={buttonLink}>{t('properties.new')}</Link> : null}
        </>
      }
    >
      <SearchBox value={search.q ?? ''} onSearch={onSearch} />
      <div className="rounded-lg border border-slate-200 bg-white p-3">
        {roots.isLoading ? <p className="text-sm text-slate-500">{t('list.loading')}</p> : null}
        {roots.error ? <p role="alert" className="text-sm text-red-700">{roots.error instanceof ApiError ? roots.error.problem.detail : t('list.failed')}</p> : null}
        {!roots.isLoading && !roots.error && rows.length === 0 ? <p className="text-sm text-slate-500">{search.q ? t('properties.tree.noMatch') : t('list.empty')}</p> : null}
        {rows.length > 0 ? (
          <ul aria-label={t('properties.tree.label')} className="space-y-1">
            {rows.map((p) => <PropertyNode key={p.id} property={p} />)}
          </ul>
        ) : null}
      </div>
      <nav aria-label={t('list.pages')} className="flex gap-3 text-sm">
        {search.cursor ? <Link to="/properties" search={{ q: search.q }}>{t('list.first')}</Link> : null}
        {next ? <Link to="/properties" search={{ q: search.q, cursor: next }}>{t('list.next')}</Link> : null}
      </nav>
    </Page>
  );
}
