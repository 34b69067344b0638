import { defineErrors } from '../../kernel/errors.js';

export const leasesErrors = defineErrors('leases', {
  status_forbids: { status: 409, title: 'The lease’s status does not allow this', description: 'The lease’s status does not allow this (`currentStatus`, `allowedTransitions`)' },
  terms_frozen: { status: 409, title: 'Only the notes of a lease that is no longer a draft can change' },
  unit_already_let: { status: 409, title: 'The unit is already let on some of the lease’s dates' },
  periodic_not_renewable: { status: 409, title: 'A periodic lease renews itself and is not renewed by hand' },
  already_renewed: { status: 409, title: 'The lease was already renewed' },
});
