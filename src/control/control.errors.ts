import { defineErrors } from '../kernel/errors.js';

/** The control plane's refusals a client acts on (merged into the catalogue beside the modules'). */
export const controlErrors = defineErrors('control', {
  tenant_status_forbids: { status: 409, title: 'The tenant’s status does not allow this' },
  provisioning_not_failed: { status: 409, title: 'Only a failed provisioning can be retried' },
  unknown_permission: { status: 422, title: 'No such operator permission', description: 'A platform API key names a permission operators do not have; the field error on `permissions` names it' },
  permission_not_held: { status: 403, title: 'You cannot give a permission you do not hold', description: 'A platform API key may have only permissions its operator holds; the field error on `permissions` names those lacking' },
  tenant_archived: { status: 409, title: 'The tenant is archived' },
  wrong_password: { status: 422, title: 'The current password is wrong', description: 'An operator changing their password gave a current password that is not theirs; the field error is on `currentPassword`, and the guess counts like a failed sign-in' },
});
