import type { ColumnType, Generated, Kysely } from 'kysely';
import type { IsoDate } from '../../kernel/dates.js';
import type { Jsonb, KernelTables, TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import { tablesOf, type Db } from '../../kernel/db/tables.js';
import type { Proposal } from './bank-import/index.js';

// bigint columns (amounts, counts) read as numbers: every amount the ledger keeps is within
// 2^53 − 1 (the turnover cap, docs/finance.md). A sum() of them is numeric, an exact string,
// and is read in raw SQL, not here.

/** A timestamptz column with a default: read as a Date, written or left to the default. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** The tables `migrations/` creates, as the finance repositories see them (camelCase). */
export interface FinanceTables {
  financeAccounts: {
    tenantId: TenantKey;
    id: string;
    code: string;
    name: string;
    type: 'asset' | 'liability' | 'equity' | 'income' | 'expense';
    systemKey: string | null;
    archivedAt: Date | null;
    createdAt: CreatedAt;
    updatedAt: Timestamptz;
  };
  financeEntries: {
    tenantId: TenantKey;
    id: string;
    entryDate: IsoDate;
    description: string;
    kind: string;
    reversesId: string | null;
    createdBy: string | null;
    createdAt: CreatedAt;
  };
  financeLines: {
    tenantId: TenantKey;
    entryId: string;
    lineNo: number;
    accountId: string;
    amount: number;
    currency: string;
    memberId: string | null;
    unitId: string | null;
    leaseId: string | null;
    chargeId: string | null;
    entryDate: IsoDate;
  };
  financeCharges: {
    tenantId: TenantKey;
    id: string;
    memberId: string;
    unitId: string | null;
    leaseId: string | null;
    kind: 'levy' | 'rent' | 'service' | 'utility' | 'fee' | 'deposit' | 'other';
    description: string;
    amount: number;
    currency: string;
    periodStart: IsoDate | null;
    periodEnd: IsoDate | null;
    dueDate: IsoDate;
    allocated: Generated<number>;
    writtenOff: Generated<number>;
    status: Generated<'open' | 'partially_paid' | 'paid' | 'written_off' | 'void'>;
    entryId: string;
    voidEntryId: string | null;
    naturalKey: string | null;
    createdAt: CreatedAt;
    updatedAt: Timestamptz;
  };
  financePayments: {
    tenantId: TenantKey;
    id: string;
    memberId: string;
    method: 'bank_transfer' | 'cash' | 'cheque' | 'card' | 'other';
    amount: number;
    currency: string;
    receivedOn: IsoDate;
    reference: string | null;
    payer: string | null;
    refunded: Generated<number>;
    entryId: string;
    provider: string | null;
    providerEventId: string | null;
    createdAt: CreatedAt;
  };
  financeAllocations: {
    tenantId: TenantKey;
    id: string;
    memberId: string;
    chargeId: string;
    paymentId: string | null;
    amount: number;
    currency: string;
    entryId: string;
    reversedEntryId: string | null;
    createdAt: CreatedAt;
  };
  financeSchedules: {
    tenantId: TenantKey;
    id: string;
    kind: 'levy' | 'rent';
    name: string;
    propertyId: string | null;
    includeSubProperties: boolean;
    amount: number | null;
    currency: string | null;
    frequency: 'monthly' | 'quarterly' | 'yearly' | null;
    dueDay: number | null;
    renterSplit: 'lead' | 'equal' | null;
    description: string;
    startPeriod: string;
    endPeriod: string | null;
    active: Generated<boolean>;
    createdAt: CreatedAt;
    updatedAt: Timestamptz;
  };
  financeBillingRuns: {
    tenantId: TenantKey;
    id: string;
    period: string;
    scheduleIds: string[] | null;
    status: Generated<'queued' | 'running' | 'completed' | 'failed'>;
    planned: Generated<number>;
    created: Generated<number>;
    existing: Generated<number>;
    failed: Generated<number>;
    skipped: Generated<number>;
    errors: ColumnType<unknown[], string | undefined, string>;
    requestedBy: string | null;
    createdAt: CreatedAt;
    startedAt: Date | null;
    finishedAt: Date | null;
    updatedAt: Timestamptz;
  };
  financeBillingRunItems: {
    tenantId: TenantKey;
    runId: string;
    seq: number;
    scheduleId: string;
    kind: 'levy' | 'rent';
    status: 'pending' | 'created' | 'existing' | 'skipped' | 'failed';
    target: string;
    naturalKey: string | null;
    memberId: string | null;
    unitId: string | null;
    leaseId: string | null;
    amount: number | null;
    currency: string | null;
    description: string | null;
    periodStart: IsoDate | null;
    periodEnd: IsoDate | null;
    dueDate: IsoDate | null;
    reason: string | null;
    detail: string | null;
    chargeId: string | null;
  };
  financeLateFeeRules: {
    tenantId: TenantKey;
    enabled: boolean;
    graceDays: number;
    kind: 'flat' | 'percent';
    amount: number | null;
    percentBp: number | null;
    cap: number | null;
    repeat: 'once' | 'monthly';
    updatedBy: string | null;
    updatedAt: Timestamptz;
  };
  financePaymentProviders: {
    tenantId: TenantKey;
    provider: 'stripe';
    secretsSealed: string;
    secretKeyLast4: string | null;
    webhookSecretLast4: string | null;
    enabled: Generated<boolean>;
    updatedBy: string | null;
    createdAt: CreatedAt;
    updatedAt: Timestamptz;
  };
  financeCheckoutSessions: {
    tenantId: TenantKey;
    id: string;
    provider: 'stripe';
    providerSessionId: string;
    memberId: string;
    scope: 'balance' | 'charges';
    amount: number;
    currency: string;
    url: string;
    status: Generated<'open' | 'completed' | 'expired' | 'failed'>;
    expiresAt: Date | null;
    paymentId: string | null;
    providerEventId: string | null;
    createdBy: string | null;
    createdAt: CreatedAt;
    completedAt: Date | null;
  };
  financeCheckoutSessionCharges: {
    tenantId: TenantKey;
    sessionId: string;
    position: number;
    chargeId: string;
    amount: number;
  };
  financeBankImports: {
    tenantId: TenantKey;
    id: string;
    filename: string | null;
    currency: string;
    settings: Jsonb<Record<string, unknown>>;
    lineCount: number;
    createdBy: string | null;
    createdAt: CreatedAt;
  };
  financeBankLines: {
    tenantId: TenantKey;
    id: string;
    importId: string;
    rowNo: number;
    bookedOn: IsoDate;
    direction: 'credit' | 'debit';
    amount: number;
    currency: string;
    reference: string;
    payer: string | null;
    description: string | null;
    fingerprint: string;
    duplicateOf: string | null;
    status: 'open' | 'matched' | 'duplicate' | 'ignored';
    proposal: ColumnType<Proposal | null, string | null, string | null>;
    memberId: string | null;
    paymentId: string | null;
    matchedBy: string | null;
    matchedAt: Date | null;
  };
  financeStatements: {
    tenantId: TenantKey;
    id: string;
    memberId: string;
    periodFrom: IsoDate;
    periodTo: IsoDate;
    summary: Jsonb<{ currency: string; opening: number; charges: number; credits: number; closing: number }[]>;
    objectKey: string;
    pdfBytes: number;
    generatedAt: Timestamptz;
    emailedAt: Date | null;
  };
  financeTurnover: {
    tenantId: TenantKey;
    currency: string;
    debits: number;
  };
}

/** What a finance repository sees: its module's tables and the kernel's, in camelCase. */
export type FinanceDb = Kysely<FinanceTables & KernelTables>;

export const financeDb = (db: Db): FinanceDb => tablesOf(db);
