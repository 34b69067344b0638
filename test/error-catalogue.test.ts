import { describe, expect, it } from 'vitest';
import { AppError, defineErrors, kernelErrors } from '../src/kernel/errors.js';
import { defineModule, type ModuleManifest } from '../src/kernel/modules/manifest.js';
import { ModuleHost } from '../src/kernel/modules/module-host.js';

/**
 * Error codes are promises to clients: a module's are `<module>.<name>`, merged with the
 * kernel's into one catalogue, and the platform refuses to start with one that breaks the rule.
 */

const moduleWith = (key: string, errors: ModuleManifest['errors']): ModuleManifest =>
  defineModule({ key, name: key, description: key, dependencies: [], permissions: [], defaultGrants: {}, routes: () => undefined, errors });

describe('the error catalogue', () => {
  const rooms = defineErrors('rooms', { room_taken: { status: 409, title: 'The room is taken' } });

  it('names a module code after its module and answers it with its own status and title', () => {
    expect(rooms.room_taken).toEqual({ code: 'rooms.room_taken', status: 409, title: 'The room is taken' });
    const error = new AppError(rooms.room_taken, 'Room 4 is taken on 1 May', { currentStatus: 'booked' });
    expect(error).toMatchObject({ code: 'rooms.room_taken', status: 409, title: 'The room is taken', message: 'Room 4 is taken on 1 May', extra: { currentStatus: 'booked' } });
    expect(new AppError('not_found')).toMatchObject({ code: 'not_found', status: 404, title: 'Not found', message: 'Not found' });
  });

  it('merges the kernel codes and every module code into one catalogue', () => {
    const host = new ModuleHost([moduleWith('rooms', rooms)], { control: defineErrors('control', { halted: { status: 409, title: 'Halted' } }) });
    expect(host.errorCatalogue.slice(0, kernelErrors.length)).toEqual(kernelErrors);
    expect(host.errorCatalogue.slice(kernelErrors.length).map((e) => e.code)).toEqual(['rooms.room_taken', 'control.halted']);
  });

  it('refuses to start with a code outside its module, or a code declared twice', () => {
    expect(() => new ModuleHost([moduleWith('halls', rooms)])).toThrow('error code rooms.room_taken of halls must start with "halls."');
    expect(() => new ModuleHost([moduleWith('rooms', rooms)], { rooms })).toThrow('error code rooms.room_taken is declared twice');
  });

  it('refuses a name that is not lower snake case and a status that is not an error', () => {
    expect(() => defineErrors('rooms', { RoomTaken: { status: 409, title: 'x' } })).toThrow(/lower snake case/);
    expect(() => defineErrors('rooms', { room_taken: { status: 200, title: 'x' } })).toThrow(/not an error status/);
  });
});
