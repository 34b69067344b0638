import type { IsoDate } from '../../../kernel/dates.js';

// The ledger's records as its services and the other rooms see them; the repositories map rows to them.

export const CHARGE_KINDS = ['levy', 'rent', 'service', 'utility', 'fee', 'deposit', 'other'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];
export const CHARGE_STATUSES = ['open', 'partially_paid', 'paid', 'written_off', 'void'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

export interface ChargeInput {
  memberId: string;
  unitId?: string | null;
  leaseId?: string | null;
  kind: ChargeKind;
  description: string;
  amount: number;
  currency: string;
  periodStart?: IsoDate | null;
  periodEnd?: IsoDate | null;
  dueDate: IsoDate;
}

export interface Charge {
  id: string;
  memberId: string;
  unitId: string | null;
  leaseId: string | null;
  kind: ChargeKind;
  description: string;
  amount: number;
  currency: string;
  periodStart: IsoDate | null;
  periodEnd: IsoDate | null;
  dueDate: IsoDate;
  allocated: number;
  writtenOff: number;
  outstanding: number;
  status: ChargeStatus;
  entryId: string;
  voidEntryId: string | null;
  naturalKey: string | null;
  createdAt: Date;
}

export const PAYMENT_METHODS = ['bank_transfer', 'cash', 'cheque', 'card', 'other'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

export interface PaymentInput {
  memberId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  receivedOn: IsoDate;
  reference?: string | null;
  payer?: string | null;
  /** Charges to settle, in this order and up to these amounts; absent: oldest due first. */
  allocations?: { chargeId: string; amount?: number }[] | null;
  /** A card payment's provider and event: the payment is recorded once per event. */
  provider?: { name: string; eventId: string } | null;
}

export interface Payment {
  id: string;
  memberId: string;
  method: PaymentMethod;
  amount: number;
  currency: string;
  receivedOn: IsoDate;
  reference: string | null;
  payer: string | null;
  refunded: number;
  entryId: string;
  provider: string | null;
  providerEventId: string | null;
  createdAt: Date;
}

export interface Allocation {
  id: string;
  chargeId: string;
  paymentId: string | null;
  amount: number;
  currency: string;
  entryId: string;
}


/** Whose records a read sees: a portal member only their own. */
export type FinanceReader = { memberId: string } | null;
