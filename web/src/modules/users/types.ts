import type { operations } from '@courtyard/sdk';

export type User = operations['users.get']['responses'][200]['content']['application/json'];
export type Role = operations['roles.list']['responses'][200]['content']['application/json']['data'][number];
