import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { Member } from './members.schemas.js';

/** The tables `migrations/` creates, as the members repository sees them (camelCase). */
export interface MembersTables {
  members: {
    tenantId: TenantKey;
    id: string;
    firstName: string;
    lastName: string;
    email: string | null;
    phone: string | null;
    address: string | null;
    type: Member['type'];
    status: Generated<Member['status']>;
    notes: Generated<string>;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  memberSelfService: {
    tenantId: TenantKey;
    editableFields: string[];
    updatedAt: Timestamptz;
  };
  memberTallies: {
    tenantId: TenantKey;
    members: ColumnType<number | string, never, never>;
  };
}
