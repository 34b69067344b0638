import type { ColumnType, Generated } from 'kysely';
import type { TenantKey, Timestamptz } from '../../kernel/db/kernel.tables.js';
import type { Property, Unit } from './properties.schemas.js';

/** A numeric column: an exact decimal string both ways (numbers are accepted on writes). */
type Decimal = ColumnType<string, string | number, string | number>;

/** The tables `migrations/` creates, as the properties repository sees them (camelCase). */
export interface PropertiesTables {
  properties: {
    tenantId: TenantKey;
    id: string;
    parentId: string | null;
    name: string;
    kind: Property['kind'];
    addressLines: Generated<string[]>;
    city: string | null;
    region: string | null;
    postalCode: string | null;
    country: string | null;
    notes: Generated<string>;
    archivedAt: Date | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  units: {
    tenantId: TenantKey;
    id: string;
    propertyId: string;
    label: string;
    kind: Unit['kind'];
    floor: number | null;
    area: Decimal | null;
    bedrooms: number | null;
    participationShare: Decimal | null;
    amenities: Generated<string[]>;
    unavailable: Generated<boolean>;
    occupancyStatus: Generated<'vacant' | 'occupied' | 'owner-occupied'>;
    status: ColumnType<Unit['status'], never, never>;
    notes: Generated<string>;
    archivedAt: Date | null;
    createdAt: Timestamptz;
    updatedAt: Timestamptz;
  };
  unitAttachments: {
    tenantId: TenantKey;
    unitId: string;
    memberId: string;
  };
}
