import { hides, may, type Me } from '../../workspace/me.js';
import type { ObjectDefinition } from './types.js';

/**
 * What the user may do with custom objects: the module-wide permission (`objects.read`), or a
 * custom role's permission for one object (`objects.permit.read`), as the API's gate decides.
 */
export const mayObject = (me: Me | undefined, key: string, action: 'read' | 'write') => may(me, 'objects', `objects.${action}`) || may(me, 'objects', `objects.${key}.${action}`);

/** Whether the user may read some custom object (the definitions list then holds only those). */
export const mayReadSomeObject = (me: Me | undefined) => may(me, 'objects', 'objects.read') || Boolean(me?.modules.includes('objects') && me.permissions.some((p) => /^objects\.[a-z0-9_]+\.read$/.test(p)));

/** The definition without the fields the user's roles hide (the API leaves them out of records too). */
export const withoutHiddenFields = (me: Me | undefined, d: ObjectDefinition): ObjectDefinition => {
  const fields = d.fields.filter((f) => !hides(me, `objects.${d.key}`, f.key));
  return fields.length === d.fields.length ? d : { ...d, fields };
};
