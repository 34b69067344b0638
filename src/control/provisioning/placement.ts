import type { Placement } from '../../kernel/db/router.js';

/** Compliance regimes that require a tenant's data in a database of its own. */
export const DEDICATED_COMPLIANCE = new Set(['dedicated-database', 'hipaa', 'pci-dss', 'iso27001-isolated', 'government']);
/** Expected members from which a tenant is better off in its own database. */
export const DEDICATED_SCALE = 50_000;
/** Plans whose tenants get a dedicated database. */
export const DEDICATED_PLANS = new Set(['enterprise']);

export interface PlacementRequest {
  placement?: Placement;
  plan: string;
  compliance: string[];
  expectedMembers?: number;
  region: string;
}

/**
 * The placement policy (docs/placement.md), in order:
 * 1. an explicit placement wins (operators decide);
 * 2. a compliance regime that needs isolation → dedicated;
 * 3. a plan that includes a dedicated database → dedicated;
 * 4. an expected scale of 50,000 members or more → dedicated;
 * 5. otherwise pooled.
 * Every tenant lives in its region's server; this build has one region per installation.
 */
export function decidePlacement(req: PlacementRequest): { placement: Placement; reason: string } {
  if (req.placement) return { placement: req.placement, reason: 'requested' };
  const regime = req.compliance.find((c) => DEDICATED_COMPLIANCE.has(c));
  if (regime) return { placement: 'dedicated', reason: `compliance: ${regime}` };
  if (DEDICATED_PLANS.has(req.plan)) return { placement: 'dedicated', reason: `plan: ${req.plan}` };
  if ((req.expectedMembers ?? 0) >= DEDICATED_SCALE) return { placement: 'dedicated', reason: `scale: ${req.expectedMembers} expected members` };
  return { placement: 'pooled', reason: 'default' };
}
