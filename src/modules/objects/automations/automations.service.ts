import type { TenantContext } from '../../../kernel/context.js';
import { AppError, notFound } from '../../../kernel/errors.js';
import { loadObject, type LoadedObject } from '../definitions/index.js';
import { AutomationsRepository, type AutomationRow, type RunRow } from './automations.repository.js';
import type { Automation, AutomationRun, CreateAutomation, UpdateAutomation } from './automations.schemas.js';
import { checkAutomation } from './automations.specs.js';

const actorOf = (ctx: TenantContext) => ctx.principal?.userId ?? null;

const view = (object: LoadedObject, row: AutomationRow): Automation => ({
  id: row.id,
  object: object.definition.key,
  name: row.name,
  enabled: row.enabled,
  trigger: row.trigger,
  condition: row.condition,
  actions: row.actions,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

const runView = (row: RunRow): AutomationRun => ({
  id: row.id,
  trigger: row.triggerKey,
  recordId: row.recordId,
  status: row.status,
  attempts: row.attempts,
  error: row.error,
  actions: row.actions.map((o) => ({ type: o.action.type, status: o.status, error: o.error, attempts: o.attempts, at: o.at })),
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

/** Refuses an automation its object cannot run: field errors, and expression errors at their positions (`expressionErrors`). */
async function refuseInvalid(ctx: TenantContext, input: CreateAutomation, object: LoadedObject): Promise<void> {
  const targetOf = (key: string) => loadObject(ctx, key, 'object').catch(() => null);
  const { errors, problems } = await checkAutomation(input, object, targetOf);
  if (errors.length === 0 && problems.length === 0) return;
  const all = [...errors, ...problems.map((p) => ({ field: p.field, message: p.message, code: p.code }))];
  throw new AppError('validation_failed', 'The request has invalid fields', { errors: all, expressionErrors: problems });
}

export async function listAutomations(ctx: TenantContext, key: string): Promise<{ data: Automation[] }> {
  const object = await loadObject(ctx, key, 'object');
  return { data: (await new AutomationsRepository(ctx.db).list(object.definition.id)).map((r) => view(object, r)) };
}

async function automationOf(ctx: TenantContext, key: string, id: string): Promise<{ object: LoadedObject; row: AutomationRow }> {
  const object = await loadObject(ctx, key, 'object');
  const row = await new AutomationsRepository(ctx.db).find(object.definition.id, id);
  if (!row) throw notFound('The automation');
  return { object, row };
}

export async function getAutomation(ctx: TenantContext, key: string, id: string): Promise<Automation> {
  const { object, row } = await automationOf(ctx, key, id);
  return view(object, row);
}

export async function createAutomation(ctx: TenantContext, key: string, input: CreateAutomation): Promise<Automation> {
  const object = await loadObject(ctx, key, 'object');
  await refuseInvalid(ctx, input, object);
  const row = await new AutomationsRepository(ctx.db).insert(ctx.tenant.id, object.definition.id, { name: input.name, enabled: input.enabled ?? true, trigger: input.trigger, condition: input.condition ?? null, actions: input.actions }, actorOf(ctx));
  return view(object, row);
}

export async function updateAutomation(ctx: TenantContext, key: string, id: string, patch: UpdateAutomation): Promise<Automation> {
  const { object, row } = await automationOf(ctx, key, id);
  const next: CreateAutomation = {
    name: patch.name ?? row.name,
    enabled: patch.enabled ?? row.enabled,
    trigger: patch.trigger ?? row.trigger,
    condition: patch.condition === undefined ? row.condition : patch.condition,
    actions: patch.actions ?? row.actions,
  };
  await refuseInvalid(ctx, next, object);
  const updated = await new AutomationsRepository(ctx.db).update(row.id, { name: next.name, enabled: next.enabled ?? true, trigger: next.trigger, condition: next.condition ?? null, actions: next.actions });
  if (!updated) throw notFound('The automation');
  return view(object, updated);
}

export async function deleteAutomation(ctx: TenantContext, key: string, id: string): Promise<void> {
  const { row } = await automationOf(ctx, key, id);
  await new AutomationsRepository(ctx.db).delete(row.id);
}

export async function automationRuns(ctx: TenantContext, key: string, id: string, limit: number): Promise<{ data: AutomationRun[] }> {
  const { row } = await automationOf(ctx, key, id);
  return { data: (await new AutomationsRepository(ctx.db).runs(row.id, limit)).map(runView) };
}
