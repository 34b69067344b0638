/**
 * Proposes who paid a bank credit, from what the payer wrote (the reference, the description,
 * the payer's name) and the amount. The rules, strongest first (docs/finance.md lists them):
 *
 *   charge_id     an id of one of the tenant's charges appears (with or without dashes) → its member   0.90
 *   member_id     an id of one of the tenant's members appears                                       0.85
 *   member_email  a member's e-mail address appears                                                  0.75
 *   member_name   a member's full name appears, "first last" or "last first" (case and accents
 *                 ignored), and no other member's does                                               0.60
 *                 several members of that name, of whom exactly one has an open charge owing
 *                 exactly the amount                                                                 0.50
 *   amount_only   nothing names anyone, but exactly one open charge of the tenant owes exactly
 *                 the amount                                                                         0.30
 *
 * Then the amount: an open charge of that member owing exactly the amount adds 0.10 and is
 * proposed as the allocation (a charge named by id and owed exactly: 1.00); the member's open
 * charges adding up to exactly the amount add 0.05 (settled oldest due first). Another member
 * named by a weaker rule costs 0.20 and is listed as a candidate. A proposal is only that:
 * nothing is recorded until a person confirms the line.
 */

import { sumExact } from '../../../kernel/money.js';

export interface MatchMember {
  id: string;
  firstName: string;
  lastName: string;
  email: string | null;
}

export interface MatchCharge {
  id: string;
  memberId: string;
  currency: string;
  outstanding: number;
  dueDate: string;
}

export type MatchRule = 'charge_id' | 'member_id' | 'member_email' | 'member_name' | 'amount_only';

export interface Candidate {
  memberId: string;
  memberName: string;
  rule: MatchRule;
}

export interface Proposal {
  memberId: string | null;
  memberName: string | null;
  /** 0 (nobody) to 1 (the reference names a charge owing exactly the amount). */
  confidence: number;
  rule: MatchRule | null;
  reasons: string[];
  /** Charges to settle; null: oldest due first. */
  allocations: { chargeId: string; amount: number }[] | null;
  /** Other members the line may be from. */
  candidates: Candidate[];
}

const BASE: Record<MatchRule, number> = { charge_id: 0.9, member_id: 0.85, member_email: 0.75, member_name: 0.6, amount_only: 0.3 };
const EXACT_CHARGE = 0.1;
const EXACT_BALANCE = 0.05;
const CONFLICT = 0.2;
const SHARED_NAME = 0.5;

const UUID = /(?<![0-9a-f])[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}(?![0-9a-f])/gi;
const EMAIL = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

/** Ids written in `text`, dashed or not, in canonical form. */
export function idsIn(text: string): string[] {
  return [...text.matchAll(UUID)].map((m) => {
    const hex = m[0].replace(/-/g, '').toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  });
}

/** Lower case, accents dropped, every run of other characters one space, padded: ` jose garcia `. */
export const normalizeName = (text: string) => ` ${text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()} `;

export const fullName = (m: MatchMember) => `${m.firstName} ${m.lastName}`;

/** What the matcher knows of the tenant: its members, and charges named in the file or open in its currency. */
export class Directory {
  readonly #members = new Map<string, MatchMember>();
  readonly #byEmail = new Map<string, MatchMember>();
  /** Members by the last word of their last name: the few whose full name is worth looking for. */
  readonly #byLastWord = new Map<string, MatchMember[]>();
  readonly #charges = new Map<string, MatchCharge>();
  readonly #openByMember = new Map<string, MatchCharge[]>();
  readonly #openByAmount = new Map<number, MatchCharge[]>();

  constructor(members: MatchMember[], namedCharges: MatchCharge[], openCharges: MatchCharge[]) {
    for (const m of members) {
      this.#members.set(m.id, m);
      if (m.email) this.#byEmail.set(m.email.toLowerCase(), m);
      const last = normalizeName(m.lastName).trim().split(' ').pop();
      if (last) this.#byLastWord.set(last, [...(this.#byLastWord.get(last) ?? []), m]);
    }
    for (const c of [...namedCharges, ...openCharges]) this.#charges.set(c.id, c);
    for (const c of openCharges) {
      if (c.outstanding <= 0) continue;
      this.#openByMember.set(c.memberId, [...(this.#openByMember.get(c.memberId) ?? []), c]);
      this.#openByAmount.set(c.outstanding, [...(this.#openByAmount.get(c.outstanding) ?? []), c]);
    }
    // Oldest due first, the order a payment settles them in.
    for (const list of this.#openByMember.values()) list.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
  }

  member = (id: string) => this.#members.get(id);
  charge = (id: string) => this.#charges.get(id);
  byEmail = (email: string) => this.#byEmail.get(email.toLowerCase());
  openOf = (memberId: string) => this.#openByMember.get(memberId) ?? [];
  openOwing = (amount: number) => this.#openByAmount.get(amount) ?? [];

  /** Members whose full name appears in the normalized text. */
  namedIn(normalized: string): MatchMember[] {
    const found = new Map<string, MatchMember>();
    for (const word of new Set(normalized.trim().split(' '))) {
      for (const m of this.#byLastWord.get(word) ?? []) {
        const first = normalizeName(m.firstName).trim();
        const last = normalizeName(m.lastName).trim();
        if (!first || !last) continue;
        if (normalized.includes(` ${first} ${last} `) || normalized.includes(` ${last} ${first} `)) found.set(m.id, m);
      }
    }
    return [...found.values()];
  }
}

interface Hit {
  member: MatchMember;
  rule: MatchRule;
  reason: string;
  charge?: MatchCharge;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Who a credit of `amount` minor units in `currency` is most likely from, and what it pays. */
export function propose(line: { amount: number; currency: string; reference: string; payer: string | null; description: string | null }, dir: Directory): Proposal {
  const text = [line.reference, line.description ?? '', line.payer ?? ''].join(' ');
  const hits: Hit[] = [];
  for (const id of idsIn(text)) {
    const charge = dir.charge(id);
    const chargeMember = charge && dir.member(charge.memberId);
    if (charge && chargeMember) hits.push({ member: chargeMember, rule: 'charge_id', reason: `the reference names charge ${id}`, charge });
    const member = dir.member(id);
    if (member) hits.push({ member, rule: 'member_id', reason: `the reference names member ${id}` });
  }
  for (const m of text.matchAll(EMAIL)) {
    const member = dir.byEmail(m[0]);
    if (member) hits.push({ member, rule: 'member_email', reason: "the text names the member's e-mail address" });
  }
  const named = dir.namedIn(normalizeName(text));
  // Two members of one name: the name tells them apart no more, so it proposes neither alone.
  if (named.length === 1) hits.push({ member: named[0]!, rule: 'member_name', reason: `the text names ${fullName(named[0]!)}` });

  const nobody: Proposal = { memberId: null, memberName: null, confidence: 0, rule: null, reasons: [], allocations: null, candidates: [] };
  const candidateOf = (member: MatchMember, rule: MatchRule): Candidate => ({ memberId: member.id, memberName: fullName(member), rule });

  if (hits.length === 0) {
    if (named.length > 1) {
      // Namesakes: the one of them owing exactly the amount is the likelier payer.
      const exact = named.flatMap((m) => {
        const c = dir.openOf(m.id).find((o) => o.currency === line.currency && o.outstanding === line.amount);
        return c ? [{ member: m, charge: c }] : [];
      });
      if (exact.length === 1) {
        const { member, charge } = exact[0]!;
        return {
          memberId: member.id,
          memberName: fullName(member),
          confidence: SHARED_NAME,
          rule: 'member_name',
          reasons: [`the text names ${named.length} members called ${fullName(member)}; only this one has an open charge of exactly the amount`],
          allocations: [{ chargeId: charge.id, amount: line.amount }],
          candidates: named.filter((m) => m.id !== member.id).map((m) => candidateOf(m, 'member_name')),
        };
      }
    }
    const owing = dir.openOwing(line.amount).filter((c) => c.currency === line.currency && dir.member(c.memberId));
    const owers = [...new Set(owing.map((c) => c.memberId))];
    const byName = named.map((m) => candidateOf(m, 'member_name'));
    if (owers.length === 1 && owing.length === 1) {
      const member = dir.member(owers[0]!)!;
      return {
        memberId: member.id,
        memberName: fullName(member),
        confidence: BASE.amount_only,
        rule: 'amount_only',
        reasons: [`nothing in the text names a member; only ${fullName(member)} has an open charge of exactly this amount`],
        allocations: [{ chargeId: owing[0]!.id, amount: line.amount }],
        candidates: byName,
      };
    }
    const byAmount = owers.slice(0, 5).map((id) => candidateOf(dir.member(id)!, 'amount_only'));
    return { ...nobody, reasons: named.length > 1 ? [`the text names ${named.length} members of the same name`] : [], candidates: [...byName, ...byAmount] };
  }

  const order: MatchRule[] = ['charge_id', 'member_id', 'member_email', 'member_name'];
  hits.sort((a, b) => order.indexOf(a.rule) - order.indexOf(b.rule));
  const best = hits[0]!;
  const reasons = [best.reason];
  let confidence = BASE[best.rule];
  let allocations: Proposal['allocations'] = null;
  const open = dir.openOf(best.member.id).filter((c) => c.currency === line.currency);

  if (best.charge && best.charge.outstanding === line.amount && open.some((c) => c.id === best.charge!.id)) {
    confidence = 1;
    reasons.push('the charge owes exactly the amount');
    allocations = [{ chargeId: best.charge.id, amount: line.amount }];
  } else if (best.charge && open.some((c) => c.id === best.charge!.id) && best.charge.outstanding > line.amount) {
    reasons.push(`the charge owes ${best.charge.outstanding}, more than the amount: a part payment`);
    allocations = [{ chargeId: best.charge.id, amount: line.amount }];
  } else {
    const exact = open.find((c) => c.outstanding === line.amount);
    if (exact) {
      confidence += EXACT_CHARGE;
      reasons.push(`an open charge of the member (${exact.id}) owes exactly the amount`);
      allocations = [{ chargeId: exact.id, amount: line.amount }];
    } else if (open.length > 0 && sumExact(open.map((c) => c.outstanding)) === BigInt(line.amount)) {
      confidence += EXACT_BALANCE;
      reasons.push("the member's open charges add up to exactly the amount");
    }
  }

  const others = new Map<string, Candidate>();
  for (const h of hits) if (h.member.id !== best.member.id && !others.has(h.member.id)) others.set(h.member.id, candidateOf(h.member, h.rule));
  if (others.size > 0) {
    confidence -= CONFLICT;
    reasons.push(`the text also names ${[...others.values()].map((c) => c.memberName).join(', ')}`);
  }
  return {
    memberId: best.member.id,
    memberName: fullName(best.member),
    confidence: round(Math.max(0.05, Math.min(1, confidence))),
    rule: best.rule,
    reasons,
    allocations,
    candidates: [...others.values()],
  };
}
