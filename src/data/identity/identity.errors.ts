import { defineErrors } from '../../kernel/errors.js';

export const coreErrors = defineErrors('core', {
  user_has_password: { status: 409, title: 'The user has a password already: there is nothing to invite them to' },
  user_disabled: { status: 409, title: 'The user is disabled' },
  wrong_password: { status: 422, title: 'The current password is wrong' },
  unknown_permission: { status: 422, title: 'No such permission', description: 'An API key names a permission that no installed module declares; the field error on `permissions` names it' },
  permission_not_held: { status: 403, title: 'You cannot give a permission you do not hold', description: 'An API key may have only permissions its creator holds now; the field error on `permissions` names those the creator lacks' },
  own_access: { status: 409, title: 'You cannot disable yourself or give up your own owner role' },
});
