import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { createColumnHelper } from '@tanstack/react-table';
import { ApiError, unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { Button } from '../../ui/Button.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { DataTable } from '../../ui/DataTable.js';
import { DetailList, Section } from '../../ui/DetailList.js';
import { ApiForm, useApiForm } from '../../ui/form.js';
import { Page } from '../../ui/Page.js';
import { may, useMe } from '../../workspace/me.js';
import { FilterSelect } from './FilterSelect.js';
import { NewUnitForm } from './NewUnitForm.js';
import { PropertyFields, propertyBody, propertyValues, type PropertyValues } from './PropertyFields.js';
import { propertyRoute } from './routes.js';
import { badge, card, secondaryLink, textLink } from './styles.js';
import { addressLine, parseUnitStatus, propertyKindLabel, UNIT_STATUSES, unitKindLabel, unitStatusLabel, type Property, type UnitRow } from './types.js';
import { CustomFieldsPanel } from '../objects/CustomFieldsPanel.js';

const column = createColumnHelper<UnitRow>();

function EditProperty({ property, onDone }: { property: Property; onDone: () => void }) {
  const api = useApi();
  const queries = useQueryClient();
  const { form, formError, onSubmit } = useApiForm<PropertyValues>({ defaultValues: propertyValues(property) });
  const submit = onSubmit(
    (v, headers) => api.PATCH('/api/v1/properties/{id}', { headers, params: { path: { id: property.id } }, body: propertyBody(v) }),
    (updated) => {
      queries.setQueryData(['property', property.id], updated);
      void queries.invalidateQueries({ queryKey: ['properties'] });
      onDone();
    },
  );
  return (
    <ApiForm form={form} formError={formError} onSubmit={submit}>
      <PropertyFields control={form.control} />
    </ApiForm>
  );
}

/** The property's own units, filtered by status (in the URL). */
function Units({ property }: { property: Property }) {
  const t = useT();
  const api = useApi();
  const search = propertyRoute.useSearch();
  const navigate = useNavigate();
  const units = useQuery({
    queryKey: ['units', { propertyId: property.id, status: search.status, cursor: search.cursor }],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/properties/{id}/units', { params: { path: { id: property.id }, query: { limit: 50, status: search.status, cursor: search.cursor, includeArchived: property.archived || undefined } } })),
    placeholderData: keepPreviousData,
  });
  const columns = [
    column.accessor('label', {
      header: t('properties.unit.label'),
      cell: (c) => <Link to="/units/$unitId" params={{ unitId: c.row.original.id }} className={textLink}>{c.getValue()}</Link>,
    }),
    column.accessor('kind', { header: t('properties.unit.kind'), cell: (c) => t(unitKindLabel(c.getValue())) }),
    column.accessor('floor', { header: t('properties.unit.floor'), cell: (c) => c.getValue() ?? '' }),
    column.accessor('area', { header: t('properties.unit.area'), cell: (c) => c.getValue() ?? '' }),
    column.accessor('bedrooms', { header: t('properties.unit.bedrooms'), cell: (c) => c.getValue() ?? '' }),
    column.accessor('participationShare', { header: t('properties.unit.participationShare'), cell: (c) => c.getValue() ?? '' }),
    column.accessor('status', { header: t('properties.unit.status'), cell: (c) => t(unitStatusLabel(c.getValue())) }),
  ];
  const next = units.data?.nextCursor;
  const params = { propertyId: property.id };
  return (
    <>
      <FilterSelect
        label={t('properties.unit.status')}
        value={search.status ?? ''}
        options={[{ id: '', label: t('properties.status.all') }, ...UNIT_STATUSES.map((s) => ({ id: s, label: t(unitStatusLabel(s)) }))]}
        onChange={(v) => void navigate({ to: '/properties/$propertyId', params, search: { status: parseUnitStatus(v) }, replace: true })}
      />
      <DataTable<UnitRow>
        label={t('properties.units')}
        columns={columns}
        rows={units.data?.data ?? []}
        isLoading={units.isLoading}
        error={units.error instanceof ApiError ? units.error.problem.detail : units.error ? t('list.failed') : null}
        pager={{
          first: search.cursor ? <Link to="/properties/$propertyId" params={params} search={{ status: search.status }}>{t('list.first')}</Link> : null,
          next: next ? <Link to="/properties/$propertyId" params={params} search={{ status: search.status, cursor: next }}>{t('list.next')}</Link> : null,
        }}
      />
    </>
  );
}

/** The properties directly inside this one (an estate's blocks). */
function Inside({ property, canWrite }: { property: Property; canWrite: boolean }) {
  const t = useT();
  const api = useApi();
  const children = useQuery({
    queryKey: ['properties', { parentId: property.id }],
    queryFn: async () => unwrap(await api.GET('/api/v1/properties', { params: { query: { limit: 200, parentId: property.id } } })),
  });
  const rows = children.data?.data ?? [];
  return (
    <Section title={t('properties.insideTitle')} actions={canWrite && !property.archived ? <Link to="/properties/new" search={{ parentId: property.id }} className={secondaryLink}>{t('properties.new')}</Link> : null}>
      {rows.length === 0 ? <p className="text-sm text-slate-500">{children.isLoading ? t('list.loading') : t('properties.noneInside')}</p> : null}
      <ul className="space-y-1 text-sm">
        {rows.map((p) => (
          <li key={p.id}>
            <Link to="/properties/$propertyId" params={{ propertyId: p.id }} search={{}} className={textLink}>{p.name}</Link> <span className="text-slate-500">{t(propertyKindLabel(p.kind))}</span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function Parent({ id }: { id: string }) {
  const api = useApi();
  const parent = useQuery({ queryKey: ['property', id], queryFn: async () => unwrap(await api.GET('/api/v1/properties/{id}', { params: { path: { id } } })) });
  return <Link to="/properties/$propertyId" params={{ propertyId: id }} search={{}} className={textLink}>{parent.data?.name ?? '…'}</Link>;
}

export function PropertyPage() {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const { propertyId } = propertyRoute.useParams();
  const [editing, setEditing] = useState(false);
  const [addingUnit, setAddingUnit] = useState(false);
  const property = useQuery({ queryKey: ['property', propertyId], queryFn: async () => unwrap(await api.GET('/api/v1/properties/{id}', { params: { path: { id: propertyId } } })) });
  if (property.error) return <Page title={t('page.notFound')}>{property.error instanceof ApiError ? property.error.problem.detail : t('list.failed')}</Page>;
  const p = property.data;
  if (!p) return <Page title={t('list.loading')}>{null}</Page>;
  const canWrite = may(me.data, 'properties', 'properties.write');
  const changed = (updated: unknown) => {
    queries.setQueryData(['property', p.id], updated);
    void queries.invalidateQueries({ queryKey: ['properties'] });
    void queries.invalidateQueries({ queryKey: ['units'] });
  };
  return (
    <Page
      title={p.name}
      actions={
        <>
          <Link to="/properties" search={{}} className={secondaryLink}>{t('nav.properties')}</Link>
          {canWrite && !editing ? <Button variant="secondary" onPress={() => setEditing(true)}>{t('properties.edit')}</Button> : null}
          {canWrite ? (
            p.archived ? (
              <ConfirmAction
                label={t('properties.restore')}
                title={t('properties.restoreTitle', { name: p.name })}
                description={t('properties.restoreText')}
                run={(headers) => api.PATCH('/api/v1/properties/{id}', { headers, params: { path: { id: p.id } }, body: { archived: false } })}
                onDone={changed}
              />
            ) : (
              <ConfirmAction
                label={t('properties.archive')}
                title={t('properties.archiveTitle', { name: p.name })}
                description={t('properties.archiveText')}
                variant="danger"
                run={(headers) => api.PATCH('/api/v1/properties/{id}', { headers, params: { path: { id: p.id } }, body: { archived: true } })}
                onDone={changed}
              />
            )
          ) : null}
        </>
      }
    >
      {editing ? (
        <Section title={t('properties.edit')} actions={<Button variant="secondary" onPress={() => setEditing(false)}>{t('confirm.cancel')}</Button>}>
          <EditProperty property={p} onDone={() => setEditing(false)} />
        </Section>
      ) : (
        <div className={card}>
          <DetailList
            items={[
              { term: t('properties.kind'), value: t(propertyKindLabel(p.kind)) },
              { term: t('properties.parent'), value: p.parentId ? <Parent id={p.parentId} /> : t('properties.topLevel') },
              { term: t('properties.address'), value: addressLine(p.address) },
              {
                term: t('properties.shares'),
                value: (
                  <span className="flex flex-wrap items-center gap-2">
                    {t('properties.sharesText', { total: p.shares.total, count: p.shares.unitCount })}
                    <span className={badge}>{p.shares.balanced ? t('properties.balanced') : t('properties.notBalanced')}</span>
                  </span>
                ),
              },
              { term: t('properties.state'), value: p.archived ? t('properties.archived') : t('properties.inUse') },
              { term: t('properties.notes'), value: p.notes },
            ]}
          />
        </div>
      )}
      <CustomFieldsPanel target="property" id={p.id} />
      <Section
        title={t('properties.units')}
        actions={canWrite && !p.archived ? <Button variant={addingUnit ? 'secondary' : 'primary'} onPress={() => setAddingUnit(!addingUnit)}>{addingUnit ? t('confirm.cancel') : t('properties.unit.new')}</Button> : null}
      >
        {addingUnit ? (
          <div className={card}>
            <h3 className="mb-3 font-semibold">{t('properties.unit.new')}</h3>
            <NewUnitForm propertyId={p.id} />
          </div>
        ) : null}
        <Units property={p} />
      </Section>
      <Inside property={p} canWrite={canWrite} />
    </Page>
  );
}
