import { defineModule } from '../../kernel/modules/manifest.js';
import { membersErrors } from './members.errors.js';
import { membersRoutes } from './members.routes.js';
import { MEMBER_RESTRICTABLE_FIELDS } from './members.schemas.js';
import { MEMBERS_RESOURCE } from './members.service.js';
import { selfServiceRoutes } from './self-service.routes.js';

export const membersModule = defineModule({
  key: 'members',
  name: 'Members',
  description: 'The people of the community: residents, owners, renters and their households.',
  dependencies: ['core'],
  includedIn: 'all',
  permissions: [
    { key: 'members.read', description: 'See members and their contact details' },
    { key: 'members.write', description: 'Add, change and remove members' },
    { key: 'members.read.own', description: 'See one’s own member details (portal)' },
    { key: 'members.write.own', description: 'Change one’s own contact details, those the tenant lets members change (portal)' },
  ],
  // Contact details and notes: a custom role may hide them (a front desk that sees names only).
  restrictableFields: [{ resource: MEMBERS_RESOURCE, fields: MEMBER_RESTRICTABLE_FIELDS.map((f) => ({ ...f })) }],
  defaultGrants: { manager: ['members.read', 'members.write'], staff: ['members.read', 'members.write'], member: ['members.read.own', 'members.write.own'] },
  errors: membersErrors,
  migrations: new URL('./migrations/', import.meta.url),
  events: [
    { type: 'member.created', version: 1, description: 'A member was added; data is the member.' },
    { type: 'member.updated', version: 1, description: 'A member changed; data is the member and the names of the changed fields.' },
    { type: 'member.deleted', version: 1, description: 'A member was removed; data is {id}.' },
  ],
  routes(app) {
    // First: `/members/me` is a path of its own, not the member `me`.
    selfServiceRoutes(app);
    membersRoutes(app);
  },
});
export { activeAddressees, existingMembers, memberContacts, memberNames, membersNamed, membersWithPhone, type MemberAddressee, type MemberContact, type MemberName } from './members.reads.js';
