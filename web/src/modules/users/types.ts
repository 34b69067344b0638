import type { operations } from '@courtyard/sdk';

export type User = operations['users.get']['responses'][200]['content']['application/json'];
export type Role = operations['roles.list']['responses'][200]['content']['application/json']['data'][number];

/** Whether a user matches the list's search (the users API has no search: a tenant's users are few, one page holds them). */
export const matchesUser = (u: Pick<User, 'name' | 'email'>, q: string | undefined) => !q || `${u.name} ${u.email}`.toLowerCase().includes(q.trim().toLowerCase());
