import { listSearch, type ListSearch } from '../../ui/paging.js';

export const TENANT_STATUSES = ['provisioning', 'failed', 'active', 'suspended', 'archived'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

/** The tenants list's search as it lives in the URL: the text, the page's cursor and the status shown. */
export interface TenantsSearch extends ListSearch {
  status?: TenantStatus;
}

/** Reads the list's search from the URL; a status the API does not know (a hand-edited address) is dropped. */
export function tenantsSearch(raw: Record<string, unknown>): TenantsSearch {
  const status = TENANT_STATUSES.find((s) => s === raw.status);
  return { ...listSearch(raw), ...(status ? { status } : {}) };
}
