import type { TenantContext } from '../../../kernel/context.js';
import { AppError, type FieldError } from '../../../kernel/errors.js';
import { leaseStarts } from '../../leases/index.js';
import { memberNames } from '../../members/index.js';
import { propertyNames, unitLabels } from '../../properties/index.js';
import { loadObject } from './definitions.service.js';
import { isStandardTarget, isUuid, type FieldDef, type StandardTarget } from '../fields.js';
import { SummariesRepository } from './summaries.repository.js';
import type { RecordLabel } from './labels.schemas.js';
import { visibleFields } from '../records/index.js';

export const LABELS_MAX = 100;

/** What reading a standard kind's labels takes: the permission its own list takes. */
const PERMISSION: Record<StandardTarget, string> = { member: 'members.read', unit: 'properties.read', property: 'properties.read', lease: 'leases.read' };

/** The field that names a record, as the pages pick it: the first text field, else an e-mail or phone. */
const titleField = (fields: readonly FieldDef[]) => fields.find((f) => f.type === 'text') ?? fields.find((f) => f.type === 'email' || f.type === 'phone');

function parseIds(raw: string): string[] {
  const ids = [...new Set(raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean))];
  const bad = ids.filter((id): boolean => !isUuid(id));
  if (ids.length === 0 || ids.length > LABELS_MAX || bad.length > 0) {
    const message = bad.length > 0 ? `are not record ids: ${bad.slice(0, 3).map((b) => b.slice(0, 40)).join(', ')}` : `must name 1 to ${LABELS_MAX} record ids, comma-separated`;
    throw new AppError('validation_failed', 'The request has invalid fields', { errors: [{ field: 'ids', message, code: 'invalid_value', in: 'querystring' } as FieldError] });
  }
  return ids;
}

async function standardLabels(ctx: TenantContext, target: StandardTarget, ids: string[]): Promise<RecordLabel[]> {
  if (!ctx.principal?.permissions.has(PERMISSION[target])) throw new AppError('permission_denied', `Reading ${target} labels takes ${PERMISSION[target]}`);
  switch (target) {
    case 'member':
      return [...(await memberNames(ctx.db, ids))].map(([id, m]) => ({ id, label: `${m.firstName} ${m.lastName}`.trim() }));
    case 'unit':
      return [...(await unitLabels(ctx.db, ids))].map(([id, u]) => ({ id, label: u.label }));
    case 'property':
      return [...(await propertyNames(ctx.db, ids))].map(([id, name]) => ({ id, label: name }));
    case 'lease': {
      const leases = await leaseStarts(ctx.db, ids);
      const units = await unitLabels(ctx.db, [...new Set([...leases.values()].map((l) => l.unitId))]);
      return [...leases].map(([id, l]) => ({ id, label: units.get(l.unitId)?.label ?? '', startDate: l.startDate }));
    }
  }
}

/**
 * The labels of many related records in one call (`?target=&ids=a,b,c`): a standard kind's
 * through its module's reads, a custom object's by its title field (a field the principal's
 * roles hide names nothing: the label is then empty). Ids that name nothing are left out.
 */
export async function recordLabels(ctx: TenantContext, query: { target: string; ids: string }): Promise<{ data: RecordLabel[] }> {
  const ids = parseIds(query.ids);
  if (isStandardTarget(query.target)) return { data: await standardLabels(ctx, query.target, ids) };
  const object = await loadObject(ctx, query.target, 'object');
  const title = titleField(visibleFields(ctx, object));
  const rows = await new SummariesRepository(ctx.db).titles(object.definition.id, title?.id ?? null, ids);
  return { data: rows.map((r) => ({ id: r.id, label: r.title ?? '' })) };
}
