import { describe, expect, it } from 'vitest';
import { placeProblem } from './form.js';

const problem = (errors?: { field: string; message: string }[]) => ({ type: 'urn:x', title: 'Invalid', status: 400, detail: 'The request has invalid fields', instance: '/x', code: 'validation_failed', requestId: 'r', ...(errors ? { errors } : {}) });
const fields = new Set(['slug', 'admin.email']);
const has = (f: string) => fields.has(f);

describe('placeProblem', () => {
  it('puts each field error on its field, nested names included, and says nothing above the form', () => {
    expect(placeProblem(problem([{ field: 'slug', message: 'is already taken' }, { field: 'admin.email', message: 'must match format "email"' }]), has)).toEqual({
      fields: [{ field: 'slug', message: 'is already taken' }, { field: 'admin.email', message: 'must match format "email"' }],
      message: null,
    });
  });

  it('says above the form what no field explains', () => {
    expect(placeProblem({ ...problem(), detail: 'The tenant is suspended' }, has)).toEqual({ fields: [], message: 'The tenant is suspended' });
    expect(placeProblem(problem([{ field: 'slug', message: 'is reserved' }, { field: 'region', message: 'is unknown' }]), has)).toEqual({
      fields: [{ field: 'slug', message: 'is reserved' }],
      message: 'The request has invalid fields — region is unknown',
    });
  });

  it('reads a field named as a JSON pointer as the form names it', () => {
    expect(placeProblem(problem([{ field: '/admin/email', message: 'is taken' }, { field: '/slug', message: 'is reserved' }]), has)).toEqual({
      fields: [{ field: 'admin.email', message: 'is taken' }, { field: 'slug', message: 'is reserved' }],
      message: null,
    });
  });

  it('keeps the detail above the form when asked, a 409 naming what is in the way', () => {
    const conflict = { ...problem([{ field: 'slug', message: 'is broken by records that share values' }]), status: 409, detail: 'Records share values of "plate": ab-1' };
    expect(placeProblem(conflict, has, true)).toEqual({ fields: [{ field: 'slug', message: 'is broken by records that share values' }], message: 'Records share values of "plate": ab-1' });
  });
});
