import { defineErrors } from '../../kernel/errors.js';

export const webhooksErrors = defineErrors('webhooks', {
  endpoint_limit: { status: 422, title: 'The tenant has as many webhook endpoints as it may', description: 'The tenant has as many webhook endpoints as it may (`limit`)' },
  endpoint_disabled: { status: 409, title: 'The webhook endpoint is disabled' },
});
