import { defineErrors } from '../kernel/errors.js';

/** The control plane's refusals a client acts on (merged into the catalogue beside the modules'). */
export const controlErrors = defineErrors('control', {
  tenant_status_forbids: { status: 409, title: 'The tenant’s status does not allow this' },
  provisioning_not_failed: { status: 409, title: 'Only a failed provisioning can be retried' },
  tenant_archived: { status: 409, title: 'The tenant is archived' },
});
