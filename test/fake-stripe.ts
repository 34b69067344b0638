import { randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/**
 * A small stand-in of Stripe's API on 127.0.0.1 for the providers' tests: it takes what the
 * official `stripe` package sends (form-encoded, Bearer secret key) and answers as Stripe's
 * Checkout Sessions API does.
 */

export const SECRET_KEY = `sk_test_${randomBytes(12).toString('hex')}`;
export const WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('base64').replace(/[^A-Za-z0-9]/g, '')}`;

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}

/** Stripe's Checkout Sessions API, as far as Courtyard uses it. */
export class FakeStripe {
  readonly requests: SeenRequest[] = [];
  readonly sessions = new Map<string, Record<string, unknown>>();
  #server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.#server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const form = Object.fromEntries(new URLSearchParams(body));
        this.requests.push({ method: req.method!, path: req.url!, headers: req.headers, form });
        const send = (status: number, json: unknown) => {
          res.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
          res.end(JSON.stringify(json));
        };
        if (req.headers.authorization !== `Bearer ${SECRET_KEY}`) {
          const given = (req.headers.authorization ?? '').replace(/^Bearer /, '');
          return send(401, { error: { message: `Invalid API Key provided: ${given.slice(0, 8)}********${given.slice(-4)}`, type: 'invalid_request_error' } });
        }
        // Retrieving a session, as Stripe's API answers it (the end-to-end tests build the webhook's event from it).
        const retrieve = /^\/v1\/checkout\/sessions\/(cs_[A-Za-z0-9_]+)$/.exec(req.url ?? '');
        if (req.method === 'GET' && retrieve) {
          const session = this.sessions.get(retrieve[1]!);
          return session ? send(200, session) : send(404, { error: { message: `No such checkout.session: '${retrieve[1]}'`, type: 'invalid_request_error', code: 'resource_missing' } });
        }
        if (req.method !== 'POST' || req.url !== '/v1/checkout/sessions') return send(404, { error: { message: `Unrecognized request URL (${req.method}: ${req.url}).`, type: 'invalid_request_error' } });
        if (req.headers['content-type'] !== 'application/x-www-form-urlencoded') return send(400, { error: { message: 'Invalid request: expected a form-encoded body', type: 'invalid_request_error' } });
        send(200, this.#createSession(form));
      });
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  #createSession(form: Record<string, string>): Record<string, unknown> {
    const id = `cs_test_${randomBytes(16).toString('hex')}`;
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(form)) {
      const m = /^metadata\[(.+)\]$/.exec(k);
      if (m) metadata[m[1]!] = v;
    }
    let total = 0;
    for (let i = 0; form[`line_items[${i}][quantity]`] !== undefined; i++) total += Number(form[`line_items[${i}][price_data][unit_amount]`]) * Number(form[`line_items[${i}][quantity]`]);
    const created = Math.floor(Date.now() / 1000);
    const session = {
      id,
      object: 'checkout.session',
      amount_subtotal: total,
      amount_total: total,
      cancel_url: form.cancel_url,
      client_reference_id: form.client_reference_id ?? null,
      created,
      currency: form['line_items[0][price_data][currency]'],
      customer: null,
      customer_details: null,
      customer_email: form.customer_email ?? null,
      expires_at: created + 86_400,
      livemode: false,
      metadata,
      mode: form.mode,
      payment_intent: null,
      payment_status: 'unpaid',
      status: 'open',
      success_url: form.success_url,
      url: `https://checkout.stripe.com/c/pay/${id}#fidkdWxOYHwnPyd1blpxYHZxWjA0`,
    };
    this.sessions.set(id, session);
    return session;
  }

  /** The event Stripe sends when the payer has paid: the session completed, with its payment. */
  completed(sessionId: string, overrides: { type?: string; paymentStatus?: string; amountTotal?: number; metadata?: Record<string, string> } = {}) {
    const session = this.sessions.get(sessionId)!;
    return {
      id: `evt_${randomBytes(12).toString('hex')}`,
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: Math.floor(Date.now() / 1000),
      data: {
        object: {
          ...session,
          amount_total: overrides.amountTotal ?? session.amount_total,
          customer_details: { email: 'payer@example.test', name: 'Ada Lovelace' },
          metadata: overrides.metadata ?? session.metadata,
          payment_intent: `pi_${randomBytes(12).toString('hex')}`,
          payment_status: overrides.paymentStatus ?? 'paid',
          status: 'complete',
        },
      },
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type: overrides.type ?? 'checkout.session.completed',
    };
  }

  checkoutRequests = () => this.requests.filter((r) => r.path === '/v1/checkout/sessions');

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.#server ? this.#server.close(() => resolve()) : resolve()));
  }
}
