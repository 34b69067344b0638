import { defineErrors } from '../../kernel/errors.js';

export const coreErrors = defineErrors('core', {
  user_has_password: { status: 409, title: 'The user has a password already: there is nothing to invite them to' },
  user_disabled: { status: 409, title: 'The user is disabled' },
  wrong_password: { status: 422, title: 'The current password is wrong' },
  own_access: { status: 409, title: 'You cannot disable yourself or give up your own owner role' },
});
