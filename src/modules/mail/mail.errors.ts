import { defineErrors } from '../../kernel/errors.js';

export const mailErrors = defineErrors('mail', {
  message_not_failed: { status: 409, title: 'Only a failed message can be retried' },
});
