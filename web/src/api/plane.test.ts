import { describe, expect, it } from 'vitest';
import { planeOf, tenantHomes } from './plane.js';

describe('planeOf', () => {
  it('finds the console, a tenant path and a tenant host', () => {
    expect(planeOf('/console/')).toEqual({ kind: 'console', basepath: '/console' });
    expect(planeOf('/console/tenants/new')).toEqual({ kind: 'console', basepath: '/console' });
    expect(planeOf('/t/oak')).toEqual({ kind: 'workspace', basepath: '/t/oak', slug: 'oak' });
    expect(planeOf('/t/oak/members/1')).toEqual({ kind: 'workspace', basepath: '/t/oak', slug: 'oak' });
    expect(planeOf('/members')).toEqual({ kind: 'workspace', basepath: '/', slug: null });
    expect(planeOf('/consoles')).toEqual({ kind: 'workspace', basepath: '/', slug: null });
  });

  it("finds a tenant's member portal on its path and on its own host", () => {
    expect(planeOf('/t/oak/portal')).toEqual({ kind: 'portal', basepath: '/t/oak/portal', slug: 'oak' });
    expect(planeOf('/t/oak/portal/money')).toEqual({ kind: 'portal', basepath: '/t/oak/portal', slug: 'oak' });
    expect(planeOf('/portal/')).toEqual({ kind: 'portal', basepath: '/portal', slug: null });
    expect(planeOf('/portals')).toEqual({ kind: 'workspace', basepath: '/', slug: null });
    expect(planeOf('/t/oak/portals')).toEqual({ kind: 'workspace', basepath: '/t/oak', slug: 'oak' });
  });

  it("names the tenant's workspace and portal from either", () => {
    expect(tenantHomes(planeOf('/t/oak/accept-invitation'))).toEqual({ workspace: '/t/oak/', portal: '/t/oak/portal/' });
    expect(tenantHomes(planeOf('/portal/money'))).toEqual({ workspace: '/', portal: '/portal/' });
  });
});
