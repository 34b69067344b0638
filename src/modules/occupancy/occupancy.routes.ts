import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams } from '../../kernel/http/schemas.js';
import { Type } from 'typebox';
import { CreateOccupancy, MemberUnits, MemberUnitsQuery, Occupancy, OccupantsQuery, UnitOccupants, UpdateOccupancy } from './occupancy.schemas.js';
import { createOccupancy, deleteOccupancy, listMemberUnits, listOccupants, updateOccupancy } from './occupancy.service.js';

const module = 'occupancy';
const tags = ['occupancy'];
// A portal member reads the occupants of the units they are attached to, and their own units.
const read = { module, permission: 'occupancy.read', own: 'occupancy.read.own' };
const write = { module, permission: 'occupancy.write' };

export function occupancyRoutes(app: HttpApp): void {
  app.get('/units/:id/occupants', {
    config: { access: read },
    schema: {
      operationId: 'units.occupants.list',
      tags,
      summary: "Who owns, lives in and rents a unit on a day (default today), or its whole history; with the owners' shares",
      params: IdParams,
      querystring: OccupantsQuery,
      response: { 200: UnitOccupants },
    },
  }, (req) => listOccupants(req.ctx, req.params.id, req.query));

  app.post('/units/:id/occupants', {
    config: { access: write },
    schema: { operationId: 'units.occupants.attach', tags, summary: 'Attach a member to a unit in a role, from a date', params: IdParams, body: CreateOccupancy, response: { 201: Occupancy } },
  }, async (req, reply) => {
    reply.code(201);
    return createOccupancy(req.ctx, req.params.id, req.body);
  });

  app.patch('/occupancies/:id', {
    config: { access: write },
    schema: {
      operationId: 'occupancies.update',
      tags,
      summary: 'Change an occupancy: set endDate to end it (the row stays, as history), or change its share, notes, or start before it begins',
      params: IdParams,
      body: UpdateOccupancy,
      response: { 200: Occupancy },
    },
  }, (req) => updateOccupancy(req.ctx, req.params.id, req.body));

  app.delete('/occupancies/:id', {
    config: { access: write },
    schema: { operationId: 'occupancies.delete', tags, summary: 'Remove an occupancy recorded by mistake (to end one, PATCH its endDate)', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await deleteOccupancy(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.get('/members/:id/units', {
    config: { access: read },
    schema: { operationId: 'members.units.list', tags, summary: 'The units a member is attached to, with role and dates (current and coming by default, or all)', params: IdParams, querystring: MemberUnitsQuery, response: { 200: MemberUnits } },
  }, (req) => listMemberUnits(req.ctx, req.params.id, req.query));
}
