import type { CourtyardClient, operations } from '@courtyard/sdk';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { unwrap } from '../api/problem.js';
import { tokenMemberId, useApi } from '../api/session.js';

/**
 * The portal's reads: each is a route a member's login reaches through its `own` permission, so
 * the server confines every answer to the member's own records (docs/portal.md).
 */
type Json<O extends keyof operations> = operations[O] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;
export type MemberUnits = Json<'members.units.list'>;
export type LeasePage = Json<'leases.list'>;
export type MemberBalance = Json<'finance.members.balance'>;
export type MemberStatement = Json<'finance.members.statement'>;
export type StatementRecord = Json<'finance.statements.get'>;
export type StatementPage = Json<'finance.statements.list'>;

export function useMyUnits(memberId: string) {
  const api = useApi();
  return useQuery({ queryKey: ['portal', 'units', memberId], queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}/units', { params: { path: { id: memberId }, query: { current: true, history: false } } })) as MemberUnits });
}

export function useMyLeases() {
  const api = useApi();
  return useQuery({ queryKey: ['portal', 'leases'], queryFn: async () => unwrap(await api.GET('/api/v1/leases', { params: { query: { limit: 20 } } })) as LeasePage });
}

const balanceQuery = (api: CourtyardClient, memberId: string) => ({
  queryKey: ['portal', 'balance', memberId],
  queryFn: async () => unwrap(await api.GET('/api/v1/finance/members/{id}/balance', { params: { path: { id: memberId } } })) as MemberBalance,
});

export function useMyBalance(memberId: string) {
  return useQuery(balanceQuery(useApi(), memberId));
}

/**
 * Asks for the balance (home's and money's first figure) beside /me rather than after it: the
 * member is read from the session's token. If that hint were wrong, the answer would sit unused
 * under another member's key, since the pages ask by the member /me names.
 */
export function usePrefetchBalance() {
  const api = useApi();
  const queries = useQueryClient();
  useEffect(() => {
    const memberId = tokenMemberId();
    if (memberId) void queries.prefetchQuery(balanceQuery(api, memberId));
  }, [api, queries]);
}

/** Every charge, payment, credit and fee of a period, with the running balance (the statement's figures). */
export function useMyStatement(memberId: string, period: { from: string; to: string }) {
  const api = useApi();
  return useQuery({
    queryKey: ['portal', 'statement', memberId, period.from, period.to],
    queryFn: async () => unwrap(await api.GET('/api/v1/finance/members/{id}/statement', { params: { path: { id: memberId }, query: period } })) as MemberStatement,
  });
}

export function useMyStatements() {
  const api = useApi();
  return useQuery({ queryKey: ['portal', 'statements'], queryFn: async () => unwrap(await api.GET('/api/v1/finance/statements', { params: { query: { limit: 24 } } })) as StatementPage });
}

export function useStatementRecord(id: string) {
  const api = useApi();
  return useQuery({ queryKey: ['portal', 'statement-record', id], queryFn: async () => unwrap(await api.GET('/api/v1/finance/statements/{id}', { params: { path: { id } } })) as StatementRecord });
}
