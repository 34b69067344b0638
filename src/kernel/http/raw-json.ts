import type { HttpApp } from './app.js';

/**
 * Registers routes whose JSON body stays the raw bytes it arrived as (a provider signs exactly
 * those: Stripe's webhooks). The parser lives in a scope of its own, so every other route parses
 * JSON as before.
 */
export function rawJsonRoutes(app: HttpApp, routes: (scope: HttpApp) => void): void {
  app.register(async (scope) => {
    const raw = scope as unknown as HttpApp;
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    routes(raw);
  });
}
