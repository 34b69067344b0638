import type { operations } from '@courtyard/sdk';
import type { MessageId } from '../../i18n/intl.js';

export type Property = operations['properties.get']['responses'][200]['content']['application/json'];
export type Unit = operations['units.get']['responses'][200]['content']['application/json'];
export type PropertyKind = Property['kind'];
export type UnitKind = Unit['kind'];
export type UnitStatus = Unit['status'];
export type Occupancy = operations['units.occupants.list']['responses'][200]['content']['application/json']['data'][number];
export type OccupancyRole = Occupancy['role'];
export type ImportReport = operations['properties.import']['responses'][200]['content']['application/json'];
export type Vacancy = Exclude<operations['reports.vacancy']['responses'][200]['content']['application/json'], string>;
export type UnitRow = operations['units.list']['responses'][200]['content']['application/json']['data'][number];

export const PROPERTY_KINDS: PropertyKind[] = ['residential', 'commercial', 'mixed', 'land'];
export const UNIT_KINDS: UnitKind[] = ['apartment', 'house', 'plot', 'shop', 'office', 'parking', 'storage', 'other'];
export const UNIT_STATUSES: UnitStatus[] = ['vacant', 'occupied', 'owner-occupied', 'unavailable'];
export const ROLES: OccupancyRole[] = ['owner', 'resident', 'renter', 'household'];

export const propertyKindLabel = (kind: PropertyKind): MessageId => `properties.kind.${kind}`;
export const unitKindLabel = (kind: UnitKind): MessageId => `properties.unitKind.${kind}`;
export const unitStatusLabel = (status: UnitStatus): MessageId => `properties.status.${status}`;
export const roleLabel = (role: OccupancyRole): MessageId => `properties.role.${role}`;

/** Reads a unit status from the URL (a hand-edited address falls back to every status). */
export const parseUnitStatus = (v: unknown): UnitStatus | undefined => (UNIT_STATUSES as unknown[]).includes(v) ? (v as UnitStatus) : undefined;

/** The address on one line, the parts that are set. */
export const addressLine = (a: Property['address']): string => [...a.lines, a.postalCode, a.city, a.region, a.country].filter(Boolean).join(', ');
