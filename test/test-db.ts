import type { Kysely } from 'kysely';
import type { BillingTables } from '../src/control/billing/billing.tables.js';
import type { ControlTables } from '../src/control/control.tables.js';
import type { UsageTables } from '../src/control/metering/usage.tables.js';
import type { OperatorWebhooksTables } from '../src/control/webhooks/webhooks.tables.js';
import type { IdempotencyTables } from '../src/data/idempotency/idempotency.tables.js';
import type { IdentityTables } from '../src/data/identity/identity.tables.js';
import type { TwoStepTables } from '../src/data/identity/two-step.tables.js';
import type { SsoTables } from '../src/data/identity/sso.tables.js';
import type { KernelTables } from '../src/kernel/db/kernel.tables.js';
import { tablesOf, type Db } from '../src/kernel/db/tables.js';
import type { AuditTables } from '../src/modules/audit/audit.tables.js';
import type { CommunicationsTables } from '../src/modules/communications/communications.tables.js';
import type { DocumentsTables } from '../src/modules/documents/documents.tables.js';
import type { FinanceTables } from '../src/modules/finance/finance.tables.js';
import type { LeasesTables } from '../src/modules/leases/leases.tables.js';
import type { MailTables } from '../src/modules/mail/mail.tables.js';
import type { MembersTables } from '../src/modules/members/members.tables.js';
import type { OccupancyTables } from '../src/modules/occupancy/occupancy.tables.js';
import type { PropertiesTables } from '../src/modules/properties/properties.tables.js';
import type { WebhooksTables } from '../src/modules/webhooks/webhooks.tables.js';

/** The migrations' ledger, which the kernel's migrator reads through raw sessions. */
interface MigrationLedgerTables {
  'courtyard.schemaMigrations': {
    id: string;
    checksum: string;
    appliedAt: Date;
  };
}

/**
 * Every table Courtyard creates, as its owner's `*.tables.ts` declares it (camelCase). Tests
 * and benchmarks set up and inspect what no route shows, in any module, so they see them all;
 * source files see only their own (`test/table-ownership.test.ts`).
 */
export type TestTables = KernelTables &
  ControlTables &
  BillingTables &
  UsageTables &
  OperatorWebhooksTables &
  AuditTables &
  TwoStepTables &
  SsoTables &
  IdentityTables &
  IdempotencyTables &
  MembersTables &
  PropertiesTables &
  OccupancyTables &
  LeasesTables &
  FinanceTables &
  MailTables &
  WebhooksTables &
  DocumentsTables &
  CommunicationsTables &
  MigrationLedgerTables;

export type TestDb = Kysely<TestTables>;

/** `db` (a database or a tenant transaction) seen through every table, in camelCase. */
export const testDb = (db: Db): TestDb => tablesOf(db);
