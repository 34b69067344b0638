import { defineErrors } from '../../kernel/errors.js';

export const membersErrors = defineErrors('members', {
  field_not_editable: {
    status: 403,
    title: 'Members may not change this detail themselves',
    description: 'A member changing their own details (`PATCH /members/me`) named a field the tenant does not let members change (`GET /settings/member-self-service`); the field errors name each one with `code` `not_editable`',
  },
  not_a_member: { status: 404, title: 'Your login is not linked to a member', description: 'A member\'s own details were asked for by a user not linked to a member (staff)' },
});
