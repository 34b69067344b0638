import { Type } from 'typebox';
import type { HttpApp } from '../../kernel/http/app.js';
import { IdParams, PageQuery } from '../../kernel/http/schemas.js';
import {
  Announcement, AnnouncementPage, CreateAnnouncement, CreateSegment, ListAnnouncementsQuery, MemberContactStatus, NewsPage, Preview, PreviewBody,
  RecipientPage, RecipientsQuery, Segment, SendAnnouncement, Settings, TokenParams, UpdateAnnouncement, UpdateSegment,
} from './communications.schemas.js';
import type { CommunicationsService } from './communications.service.js';
import type { ConsentService } from './consent.service.js';

const module = 'communications';
const tags = ['communications'];
const read = { module, permission: 'communications.read' };
const write = { module, permission: 'communications.write' };
const own = { module, permission: 'communications.read', own: 'communications.read.own' };
const NewsQuery = Type.Object({ ...PageQuery }, { additionalProperties: false });
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export function communicationsRoutes(app: HttpApp, service: CommunicationsService, consent: ConsentService): void {
  app.get('/segments', {
    config: { access: read },
    schema: { operationId: 'communications.segments.list', tags, summary: 'Saved segments, by name', response: { 200: Type.Object({ data: Type.Array(Segment) }) } },
  }, (req) => service.segments(req.ctx));

  app.post('/segments', {
    config: { access: write },
    schema: { operationId: 'communications.segments.create', tags, summary: 'Save a segment: who an announcement goes to', body: CreateSegment, response: { 201: Segment } },
  }, async (req, reply) => {
    reply.code(201);
    return service.createSegment(req.ctx, req.body);
  });

  app.patch('/segments/:id', {
    config: { access: write },
    schema: { operationId: 'communications.segments.update', tags, summary: 'Rename a segment or change its criteria', params: IdParams, body: UpdateSegment, response: { 200: Segment } },
  }, (req) => service.updateSegment(req.ctx, req.params.id, req.body));

  app.delete('/segments/:id', {
    config: { access: write },
    schema: { operationId: 'communications.segments.delete', tags, summary: 'Remove a segment no announcement names', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await service.deleteSegment(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.post('/announcements/preview', {
    config: { access: read },
    schema: { operationId: 'communications.preview', tags, summary: 'Who an audience reaches today, by channel, with the SMS parts it costs: nothing is saved or sent', body: PreviewBody, response: { 200: Preview } },
  }, (req) => service.preview(req.ctx, req.body));

  app.get('/announcements', {
    config: { access: read },
    schema: { operationId: 'communications.announcements.list', tags, summary: 'Announcements, newest first, each with its delivery totals', querystring: ListAnnouncementsQuery, response: { 200: AnnouncementPage } },
  }, (req) => service.list(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/announcements', {
    config: { access: write },
    schema: { operationId: 'communications.announcements.create', tags, summary: 'Draft an announcement', body: CreateAnnouncement, response: { 201: Announcement } },
  }, async (req, reply) => {
    reply.code(201);
    return service.create(req.ctx, req.body);
  });

  app.get('/announcements/:id', {
    config: { access: read },
    schema: { operationId: 'communications.announcements.get', tags, summary: 'One announcement with its delivery totals', params: IdParams, response: { 200: Announcement } },
  }, (req) => service.get(req.ctx, req.params.id));

  app.patch('/announcements/:id', {
    config: { access: write },
    schema: { operationId: 'communications.announcements.update', tags, summary: 'Change a draft', params: IdParams, body: UpdateAnnouncement, response: { 200: Announcement } },
  }, (req) => service.update(req.ctx, req.params.id, req.body));

  app.delete('/announcements/:id', {
    config: { access: write },
    schema: { operationId: 'communications.announcements.delete', tags, summary: 'Discard a draft', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await service.remove(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.post('/announcements/:id/send', {
    config: { access: write },
    schema: { operationId: 'communications.announcements.send', tags, summary: 'Send a draft now, or schedule it (`at`); workers deliver it, once per member and channel', params: IdParams, body: SendAnnouncement, response: { 200: Announcement } },
  }, (req) => service.send(req.ctx, req.params.id, req.body));

  app.post('/announcements/:id/unschedule', {
    config: { access: write },
    schema: { operationId: 'communications.announcements.unschedule', tags, summary: 'Take a scheduled announcement back to draft', params: IdParams, response: { 200: Announcement } },
  }, (req) => service.unschedule(req.ctx, req.params.id));

  app.get('/announcements/:id/recipients', {
    config: { access: read },
    schema: { operationId: 'communications.recipients.list', tags, summary: 'Who an announcement went to, per channel, with each delivery\'s status', params: IdParams, querystring: RecipientsQuery, response: { 200: RecipientPage } },
  }, (req) => service.recipients(req.ctx, req.params.id, req.query as typeof req.query & { limit: number }));

  app.get('/news', {
    config: { access: own },
    schema: { operationId: 'communications.news', tags, summary: 'A member\'s news feed: the announcements sent to them, newest first', querystring: NewsQuery, response: { 200: NewsPage } },
  }, (req) => service.news(req.ctx, req.query as typeof req.query & { limit: number }));

  app.post('/news/:id/read', {
    config: { access: own },
    schema: { operationId: 'communications.news.read', tags, summary: 'Mark an announcement read in the portal', params: IdParams, response: { 204: Type.Null() } },
  }, async (req, reply) => {
    await service.markRead(req.ctx, req.params.id);
    reply.code(204);
    return null;
  });

  app.get('/members/:id/contact-status', {
    config: { access: read },
    schema: { operationId: 'communications.members.contactStatus', tags, summary: 'A member\'s bounced addresses and opt-outs', params: IdParams, response: { 200: MemberContactStatus } },
  }, (req) => consent.contactStatus(req.ctx, req.params.id));

  app.get('/communications/settings', {
    config: { access: read },
    schema: { operationId: 'communications.settings.get', tags, summary: 'Open tracking and SMS quiet hours', response: { 200: Settings } },
  }, (req) => consent.settings(req.ctx));

  app.put('/communications/settings', {
    config: { access: write },
    schema: { operationId: 'communications.settings.set', tags, summary: 'Turn open tracking on or off; set SMS quiet hours', body: Settings, response: { 200: Settings } },
  }, (req) => consent.saveSettings(req.ctx, req.body));

  // The links an e-mail carries are the credential: a mail client following them signs in to nothing.
  app.register(async (scope) => {
    const links = scope as unknown as HttpApp;
    // RFC 8058: a mailbox provider's one-click unsubscribe is a form POST (List-Unsubscribe=One-Click).
    links.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));

    links.get('/communications/unsubscribe/:token', {
      config: { access: { module, public: true } },
      schema: { operationId: 'communications.unsubscribe.page', tags, summary: 'The page an unsubscribe link opens: one button that confirms (a GET changes nothing: link scanners follow links)', params: TokenParams, response: { 200: { content: { 'text/html': { schema: Type.String() } } } } },
    }, async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      return consent.unsubscribePage(req.ctx, req.params.token);
    });

    links.post('/communications/unsubscribe/:token', {
      config: { access: { module, public: true } },
      schema: { operationId: 'communications.unsubscribe', tags, summary: 'One-click unsubscribe (RFC 8058): the member gets no more e-mail of the announcement\'s category (urgent notices still reach them)', params: TokenParams, response: { 200: { content: { 'text/html': { schema: Type.String() } } } } },
    }, async (req, reply) => {
      reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
      return consent.unsubscribe(req.ctx, req.params.token);
    });

    // Twilio's callbacks: its signature (X-Twilio-Signature, the account's auth token) is the credential.
    const twilio = Type.Record(Type.String(), Type.String());
    links.post('/communications/sms/status', {
      config: { access: { module, public: true } },
      schema: { operationId: 'communications.sms.status', tags, summary: 'Twilio\'s status callback for a text (form-encoded, signed)', body: twilio, response: { 204: Type.Null() } },
    }, async (req, reply) => {
      await consent.smsStatus(req.ctx, req.body as Record<string, string>, req.headers['x-twilio-signature'] as string | undefined);
      reply.code(204);
      return null;
    });

    links.post('/communications/sms/inbound', {
      config: { access: { module, public: true } },
      schema: { operationId: 'communications.sms.inbound', tags, summary: 'A text to the tenant\'s number (Twilio\'s webhook, form-encoded, signed): STOP opts the sender out of SMS, START back in', body: twilio, response: { 200: { content: { 'text/xml': { schema: Type.String() } } } } },
    }, async (req, reply) => {
      await consent.smsInbound(req.ctx, req.body as Record<string, string>, req.headers['x-twilio-signature'] as string | undefined);
      // An empty TwiML answer: Twilio has already confirmed STOP and START to the sender.
      reply.type('text/xml');
      return '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';
    });

    links.get('/communications/open/:token', {
      config: { access: { module, public: true } },
      schema: { operationId: 'communications.open', tags, summary: 'The open pixel: records the first time the e-mail was shown, when the tenant keeps open tracking on', params: TokenParams, response: { 200: { content: { 'image/gif': { schema: Type.String({ format: 'binary' }) } } } } },
    }, async (req, reply) => {
      await consent.opened(req.ctx, req.params.token);
      reply.type('image/gif').header('cache-control', 'no-store, private');
      return GIF as unknown as string;
    });
  });
}
