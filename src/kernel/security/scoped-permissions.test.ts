import { describe, expect, it } from 'vitest';
import type { Principal } from '../context.js';
import { holdsFor, holdsForAny, resourcesHeld, scopedPermission } from './scoped-permissions.js';

const principal = (...permissions: string[]): Principal => ({ userId: 'u', roles: [], permissions: new Set(permissions), sessionId: 's', memberId: null });

describe('permissions for one resource', () => {
  it('names the resource between the module and the action', () => {
    expect(scopedPermission('objects.read', 'permit')).toBe('objects.permit.read');
  });

  it('holds a resource through the module-wide permission or its own, and no other', () => {
    expect(holdsFor(principal('objects.read'), 'objects.read', 'fob')).toBe(true);
    expect(holdsFor(principal('objects.permit.read'), 'objects.read', 'permit')).toBe(true);
    expect(holdsFor(principal('objects.permit.read'), 'objects.read', 'fob')).toBe(false);
    expect(holdsFor(principal('objects.permit.write'), 'objects.read', 'permit')).toBe(false);
    expect(holdsFor(null, 'objects.read', 'permit')).toBe(false);
  });

  it('lists the resources held one by one, none for the module-wide holder (all of them)', () => {
    expect(resourcesHeld(principal('objects.read', 'objects.permit.read'), 'objects.read')).toBeNull();
    expect([...resourcesHeld(principal('objects.permit.read', 'objects.fob.read', 'objects.boat.write', 'objects.a.b.read', 'members.read'), 'objects.read')!].sort()).toEqual(['fob', 'permit']);
    expect(holdsForAny(principal('objects.boat.write'), 'objects.read')).toBe(false);
    expect(holdsForAny(principal('objects.boat.write'), 'objects.write')).toBe(true);
  });
});
