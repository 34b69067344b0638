import { describe, expect, it } from 'vitest';
import { complete, dependenciesOf, fromMinor, readCatalogue, requiredBy, toggle, toMinor, type CatalogueModule } from './modules.js';

// The shape of the installed modules: core and events are always licensed, so not in the catalogue.
const mod = (key: string, dependencies: string[]): CatalogueModule => ({ key, name: key[0]!.toUpperCase() + key.slice(1), description: '', dependencies });
const catalogue = [
  mod('members', ['core']),
  mod('properties', ['core', 'members']),
  mod('occupancy', ['core', 'members', 'properties']),
  mod('leases', ['core', 'members', 'properties', 'occupancy']),
  mod('finance', ['core', 'members', 'properties', 'occupancy', 'leases']),
  mod('webhooks', ['core', 'events']),
  mod('mail', []),
];
// A chain that only closes through another module.
const chain = [mod('a', ['b']), mod('b', ['c']), mod('c', []), mod('d', ['a'])];

describe('the module picker', () => {
  it('finds what a module needs, through other modules too, ignoring the always-licensed ones', () => {
    expect(dependenciesOf(catalogue, 'leases')).toEqual(['members', 'properties', 'occupancy']);
    expect(dependenciesOf(catalogue, 'webhooks')).toEqual([]);
    expect(dependenciesOf(chain, 'd')).toEqual(['a', 'b', 'c']);
    expect(dependenciesOf(chain, 'unknown')).toEqual([]);
  });

  it('chooses what a module needs along with it, and says what it added', () => {
    expect(toggle(catalogue, [], 'occupancy', true)).toEqual({ chosen: ['members', 'properties', 'occupancy'], added: ['members', 'properties'], refusedBy: [] });
    expect(toggle(catalogue, ['members', 'mail'], 'properties', true)).toEqual({ chosen: ['members', 'properties', 'mail'], added: [], refusedBy: [] });
    expect(toggle(chain, [], 'd', true).added).toEqual(['a', 'b', 'c']);
  });

  it('refuses to remove a module a chosen one needs, naming those that need it', () => {
    const chosen = ['members', 'properties', 'occupancy', 'leases', 'mail'];
    expect(toggle(catalogue, chosen, 'properties', false)).toEqual({ chosen, added: [], refusedBy: ['occupancy', 'leases'] });
    expect(requiredBy(catalogue, chosen, 'members')).toEqual(['properties', 'occupancy', 'leases']);
    expect(requiredBy(catalogue, chosen, 'leases')).toEqual([]);
    // Needed only through a module that is not chosen: free to go.
    expect(requiredBy(chain, ['b', 'c'], 'c')).toEqual(['b']);
    expect(requiredBy(chain, ['c'], 'c')).toEqual([]);
  });

  it('removes a module no chosen module needs, then its dependencies one by one', () => {
    let chosen = toggle(catalogue, [], 'leases', true).chosen;
    for (const key of ['leases', 'occupancy', 'properties', 'members']) {
      const next = toggle(catalogue, chosen, key, false);
      expect(next.refusedBy).toEqual([]);
      chosen = next.chosen;
    }
    expect(chosen).toEqual([]);
  });

  it('completes a stored list in catalogue order and keeps keys it does not know', () => {
    expect(complete(catalogue, ['finance', 'mail'])).toEqual(['members', 'properties', 'occupancy', 'leases', 'finance', 'mail']);
    expect(complete(catalogue, ['retired', 'members'])).toEqual(['members', 'retired']);
  });

  it('reads the catalogue the API answers, dropping malformed entries', () => {
    expect(readCatalogue({ data: [{ key: 'members', name: 'Members', description: 'People', dependencies: ['core'], permissions: [] }, { name: 'no key' }, null] })).toEqual([
      { key: 'members', name: 'Members', description: 'People', dependencies: ['core'] },
    ]);
    expect(readCatalogue(undefined)).toEqual([]);
  });
});

describe('prices', () => {
  it('turns an amount in the currency’s units into minor units and back', () => {
    expect(toMinor(19.9, 'EUR')).toBe(1990);
    expect(toMinor(0.29, 'EUR')).toBe(29);
    expect(toMinor(500, 'JPY')).toBe(500);
    expect(toMinor(1.234, 'KWD')).toBe(1234);
    expect(fromMinor(1990, 'EUR')).toBe(19.9);
    expect(fromMinor(1234, 'KWD')).toBe(1.234);
  });
});
