import type { Me } from '../../workspace/me.js';
import { mayReadSomeObject } from './access.js';
import { useDefinitions } from './api.js';

/**
 * Each object's records in the workspace navigation (and so in the command menu's "Go to…"),
 * under its plural name, for those who may read records.
 */
export function useObjectsNav(me: Me | undefined): { to: string; label: string }[] {
  const definitions = useDefinitions();
  if (!mayReadSomeObject(me)) return [];
  return (definitions.data ?? []).map((d) => ({ to: `/objects/${d.key}`, label: d.plural }));
}
