import { defineErrors } from '../../kernel/errors.js';

export const webhooksErrors = defineErrors('webhooks', {
  endpoint_disabled: { status: 409, title: 'The webhook endpoint is disabled' },
});
