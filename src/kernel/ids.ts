import { uuidv7 } from 'uuidv7';

/** New identifiers are UUIDv7: time-ordered, so primary-key indexes stay compact. */
export const newId = (): string => uuidv7();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);
