import { defineModule } from '../../kernel/modules/manifest.js';
import { auditRoutes } from './audit.routes.js';

/**
 * The `audit` module: the tenant's append-only, hash-chained log of security-relevant actions
 * (docs/audit.md). Other modules record through `recordAudit`, in their own transaction.
 */
export const auditModule = defineModule({
  key: 'audit',
  name: 'Audit log',
  description: 'Who signed in, changed access, moved money or exported data, in a tamper-evident log.',
  dependencies: [],
  alwaysLicensed: true,
  permissions: [{ key: 'audit.read', description: "See the tenant's audit log and verify its chain" }],
  defaultGrants: { manager: ['audit.read'] },
  migrations: new URL('./migrations/', import.meta.url),
  routes: auditRoutes,
});
export { recordAudit, type AuditActor, type AuditRecord, type AuditScope } from './audit.service.js';
