import { defineModule } from '../../kernel/modules/manifest.js';
import { membersRoutes } from './members.routes.js';

export const membersModule = defineModule({
  key: 'members',
  name: 'Members',
  description: 'The people of the community: residents, owners, renters and their households.',
  dependencies: ['core'],
  permissions: [
    { key: 'members.read', description: 'See members and their contact details' },
    { key: 'members.write', description: 'Add, change and remove members' },
  ],
  defaultGrants: { manager: ['members.read', 'members.write'], staff: ['members.read', 'members.write'] },
  migrations: new URL('./migrations/', import.meta.url),
  routes: membersRoutes,
});
