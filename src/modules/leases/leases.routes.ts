import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpApp } from '../../kernel/http/app.js';
import { JsonOrCsv, csvDownload } from '../../kernel/http/csv.js';
import { recordAudit } from '../audit/index.js';
import { IdParams } from '../../kernel/http/schemas.js';
import { CreateLease, Lease, LeasePage, ListLeasesQuery, RenewLease, RentRoll, RentRollQuery, TerminateLease, UpdateLease } from './leases.schemas.js';
import { activateLease, createLease, getLease, listLeases, renewLease, rentRoll, terminateLease, updateLease } from './leases.service.js';

const module = 'leases';
const tags = ['leases'];
// A portal member is admitted to reads by leases.read.own; the service confines them to their leases.
const read = { module, permission: 'leases.read', own: 'leases.read.own' };
const write = { module, permission: 'leases.write' };
const report = { module, permission: 'leases.read' };

// A POST with no body at all takes every default, as `{}` would.
const emptyBodyIsEmptyObject = (req: FastifyRequest, _reply: FastifyReply, done: () => void) => {
  req.body ??= {};
  done();
};

const RENT_ROLL_COLUMNS = [
  'unit_id', 'unit_label', 'property_id', 'property_name', 'lease_id', 'renters', 'rent_amount', 'currency', 'frequency',
  'monthly_rent', 'deposit', 'start_date', 'end_date', 'status',
];

export function leasesRoutes(app: HttpApp): void {
  app.get('/leases', {
    config: { access: read },
    schema: { operationId: 'leases.list', tags, summary: 'List leases (cursor-paginated, filterable by unit, renter, status and expiry)', querystring: ListLeasesQuery, response: { 200: LeasePage } },
  }, (req) => listLeases(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/leases', {
    config: { access: write },
    schema: { operationId: 'leases.create', tags, summary: 'Draft a lease', body: CreateLease, response: { 201: Lease } },
  }, async (req, reply) => {
    reply.code(201);
    return createLease(req.ctx, req.body);
  });

  app.get('/leases/:id', {
    config: { access: read },
    schema: { operationId: 'leases.get', tags, summary: 'One lease', params: IdParams, response: { 200: Lease } },
  }, (req) => getLease(req.ctx, req.params.id));

  app.patch('/leases/:id', {
    config: { access: write },
    schema: { operationId: 'leases.update', tags, summary: 'Change a draft lease, or the notes of any lease', params: IdParams, body: UpdateLease, response: { 200: Lease } },
  }, (req) => updateLease(req.ctx, req.params.id, req.body));

  app.post('/leases/:id/activate', {
    config: { access: write },
    schema: { operationId: 'leases.activate', tags, summary: 'Activate a draft lease: it takes the unit for its dates and its renters move in', params: IdParams, response: { 200: Lease } },
  }, (req) => activateLease(req.ctx, req.params.id));

  app.post('/leases/:id/terminate', {
    config: { access: write },
    preValidation: emptyBodyIsEmptyObject,
    schema: { operationId: 'leases.terminate', tags, summary: 'End a lease on a date (its last day), or cancel a draft', params: IdParams, body: TerminateLease, response: { 200: Lease } },
  }, (req) => terminateLease(req.ctx, req.params.id, req.body));

  app.post('/leases/:id/renew', {
    config: { access: write },
    preValidation: emptyBodyIsEmptyObject,
    schema: { operationId: 'leases.renew', tags, summary: 'Draft the successor of a lease with an end date, on the same terms unless given', params: IdParams, body: RenewLease, response: { 201: Lease } },
  }, async (req, reply) => {
    const successor = await renewLease(req.ctx, req.params.id, req.body);
    reply.code(201);
    return successor;
  });

  app.get('/reports/rent-roll', {
    config: { access: report },
    schema: { operationId: 'reports.rentRoll', tags, summary: 'The rent roll: every unit let on a date, with rent, monthly equivalent and deposit; totals per currency (JSON or CSV)', querystring: RentRollQuery,
      response: { 200: JsonOrCsv(RentRoll, 'format=csv: RFC 4180, a header row, a total line per currency.') },
    },
  }, async (req, reply) => {
    const roll = await rentRoll(req.ctx, req.query);
    if (req.query.format !== 'csv') return roll;
    const rows = roll.rows.map((r) => [
      r.unitId, r.unitLabel, r.propertyId, r.propertyName, r.leaseId, r.renters.map((x) => x.name).join('; '), r.rent.amount, r.rent.currency,
      r.frequency, r.monthlyRent, r.deposit, r.startDate, r.endDate, r.status,
    ]);
    // One total line per currency, in the same columns, so that a spreadsheet keeps them apart.
    const totals = roll.totals.map((t) => ['Total', `${t.units} ${t.units === 1 ? 'unit' : 'units'}`, '', '', '', '', '', t.currency, '', t.monthlyRent, t.deposit, '', '', '']);
    await recordAudit(req.ctx, { action: 'export.csv', target: { type: 'report', id: 'leases.rent_roll' }, details: { date: roll.date } });
    return csvDownload(reply, `rent-roll-${roll.date}.csv`, RENT_ROLL_COLUMNS, [...rows, ...totals]);
  });
}
