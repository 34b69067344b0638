import { currencyDigits } from '../../ui/money.js';
/** A licensable module as `GET /control/v1/modules` lists it. */
export interface CatalogueModule {
  key: string;
  name: string;
  description: string;
  /** Keys of modules it needs; some (core, events) are always licensed and not in the catalogue. */
  dependencies: string[];
}

/** Reads the catalogue's answer (its response has no schema in the API), keeping well-formed entries. */
export function readCatalogue(body: unknown): CatalogueModule[] {
  const data = (body as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) return [];
  return data.flatMap((m: unknown) => {
    const e = m as Partial<CatalogueModule> | null;
    if (!e || typeof e.key !== 'string') return [];
    return [{ key: e.key, name: typeof e.name === 'string' ? e.name : e.key, description: typeof e.description === 'string' ? e.description : '', dependencies: Array.isArray(e.dependencies) ? e.dependencies.filter((d): d is string => typeof d === 'string') : [] }];
  });
}

const byKey = (catalogue: CatalogueModule[]) => new Map(catalogue.map((m) => [m.key, m]));

/** Every catalogue module `key` needs, directly or through another, in catalogue order; not `key` itself. */
export function dependenciesOf(catalogue: CatalogueModule[], key: string): string[] {
  const modules = byKey(catalogue);
  const found = new Set<string>();
  const visit = (k: string) => {
    for (const dep of modules.get(k)?.dependencies ?? []) {
      if (dep === key || found.has(dep) || !modules.has(dep)) continue;
      found.add(dep);
      visit(dep);
    }
  };
  visit(key);
  return catalogue.map((m) => m.key).filter((k) => found.has(k));
}

/** The chosen modules that need `key` (directly or through another), in catalogue order. */
export function requiredBy(catalogue: CatalogueModule[], chosen: readonly string[], key: string): string[] {
  return catalogue.filter((m) => m.key !== key && chosen.includes(m.key) && dependenciesOf(catalogue, m.key).includes(key)).map((m) => m.key);
}

/** The choice with its dependencies added, in catalogue order (keys not in the catalogue are kept, last). */
export function complete(catalogue: CatalogueModule[], chosen: readonly string[]): string[] {
  const all = new Set(chosen.flatMap((k) => [k, ...dependenciesOf(catalogue, k)]));
  const known = catalogue.map((m) => m.key);
  return [...known.filter((k) => all.has(k)), ...[...all].filter((k) => !known.includes(k))];
}

export interface Toggled {
  chosen: string[];
  /** Modules chosen along with the one asked for, because it needs them. */
  added: string[];
  /** When the module could not be removed: the chosen modules that need it. */
  refusedBy: string[];
}

/**
 * Choosing a module chooses what it needs; removing one is refused while a chosen module needs
 * it (remove those first). The plan's module list is always complete, as the API requires.
 */
export function toggle(catalogue: CatalogueModule[], chosen: readonly string[], key: string, on: boolean): Toggled {
  if (on) {
    const next = complete(catalogue, [...chosen, key]);
    return { chosen: next, added: next.filter((k) => k !== key && !chosen.includes(k)), refusedBy: [] };
  }
  const needing = requiredBy(catalogue, chosen, key);
  if (needing.length > 0) return { chosen: [...chosen], added: [], refusedBy: needing };
  return { chosen: chosen.filter((k) => k !== key), added: [], refusedBy: [] };
}

export function toMinor(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyDigits(currency));
}

/** Integer minor units as an amount in the currency's units, for a number field. */
export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}
