import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams } from '../../kernel/http/schemas.js';
import { Type } from 'typebox';
import { CountMembersQuery, CreateMember, ListMembersQuery, Member, MemberCount, MemberPage, UpdateMember } from './members.schemas.js';
import { countMembers, createMember, deleteMember, getMember, listMembers, updateMember } from './members.service.js';

const module = 'members';
const tags = ['members'];
const read = { module, permission: 'members.read' };
const write = { module, permission: 'members.write' };

export function membersRoutes(app: HttpApp): void {
  app.get('/members', {
    config: { access: read },
    schema: { operationId: 'members.list', tags, summary: 'List members (cursor-paginated, searchable, filterable)', querystring: ListMembersQuery, response: { 200: MemberPage } },
  }, (req) => listMembers(req.ctx, req.query as typeof req.query & { limit: number }));

  // Staff only, with no `own` rule: a portal member has no business counting the tenant's members.
  app.get('/members/count', {
    config: { access: read },
    schema: { operationId: 'members.count', tags, summary: 'How many members match the filters (exact; the list gives no totals)', querystring: CountMembersQuery, response: { 200: MemberCount } },
  }, (req) => countMembers(req.ctx, req.query));

  app.post('/members', {
    config: { access: write },
    schema: { operationId: 'members.create', tags, summary: 'Add a member', body: CreateMember, response: { 201: Member } },
  }, async (req, reply) => {
    reply.code(201);
    return createMember(req.ctx, req.body);
  });

  app.get('/members/:id', {
    config: { access: read },
    schema: { operationId: 'members.get', tags, summary: 'One member', params: IdParams, response: { 200: Member } },
  }, (req) => getMember(req.ctx, req.params.id));

  app.patch('/members/:id', {
    config: { access: write },
    schema: { operationId: 'members.update', tags, summary: 'Change a member', params: IdParams, body: UpdateMember, response: { 200: Member } },
  }, (req) => updateMember(req.ctx, req.params.id, req.body));

  app.delete('/members/:id', {
    config: { access: write },
    schema: { operationId: 'members.delete', tags, summary: 'Remove a member', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteMember(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });
}
