import { describe, expect, it } from 'vitest';
import { planeOf } from './plane.js';

describe('planeOf', () => {
  it('finds the console, a tenant path and a tenant host', () => {
    expect(planeOf('/console/')).toEqual({ kind: 'console', basepath: '/console' });
    expect(planeOf('/console/tenants/new')).toEqual({ kind: 'console', basepath: '/console' });
    expect(planeOf('/t/oak')).toEqual({ kind: 'workspace', basepath: '/t/oak', slug: 'oak' });
    expect(planeOf('/t/oak/members/1')).toEqual({ kind: 'workspace', basepath: '/t/oak', slug: 'oak' });
    expect(planeOf('/members')).toEqual({ kind: 'workspace', basepath: '/', slug: null });
    expect(planeOf('/consoles')).toEqual({ kind: 'workspace', basepath: '/', slug: null });
  });
});
