import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { HttpApp } from './app.js';
import { sendProblem } from './problem.js';

/**
 * The web application (built by Vite into `dist/web`) served on the API's origin: the platform
 * console at `/console/`, a tenant's workspace at `/t/{slug}/` or at `/` on the tenant's own
 * host. Every page is the same `index.html` (the router in the browser reads the path), so a
 * deep link reloads where it was.
 */
export interface PagesOptions {
  /** The built application: `index.html` and `assets/`. */
  root: string;
  /** Whether a host name is a tenant's: its workspace is at `/`; elsewhere `/` leads to the console. */
  isTenantHost: (host: string) => boolean;
}

/** `src/kernel/http/` and `dist/kernel/http/` are both three folders below the project. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web/', import.meta.url));

// Scripts and styles come only from this origin's files (none inline); nothing may frame a page.
// Images may be https: a tenant's logo is a URL of its choosing.
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: https:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};
// Vite names assets by their content hash: `assets/index-B3x9_kQe.js`.
const ASSET = /^[A-Za-z0-9._-]+$/;
// `gzip`, unless refused with `gzip;q=0`.
const GZIP = /(?:^|,)\s*gzip\s*(?:,|$|;\s*q=(?!0(?:\.0*)?\s*(?:,|$)))/i;
// Paths of the API and the platform's own documents are never pages, even asked for as HTML.
const NOT_PAGES = /^\/(?:api|control|docs|health|metrics|openapi\.json)(?:\/|$)/;
const infra = { public: true, module: 'platform' } as const;

/** A browser navigating asks for HTML; a program asking for a path that is no route gets the 404 problem it always got. */
const asksForPage = (request: FastifyRequest) => (request.method === 'GET' || request.method === 'HEAD') && (request.headers.accept ?? '').includes('text/html');
const notFound = (request: FastifyRequest, reply: FastifyReply) => sendProblem(reply, new AppError('route_not_found', `No route ${request.method} ${request.url}`));

const isFile = (path: string) => stat(path).then((s) => s.isFile(), () => false);

async function sendIndex(root: string, reply: FastifyReply): Promise<FastifyReply> {
  let html: Buffer;
  try {
    html = await readFile(`${root}/index.html`);
  } catch {
    return sendProblem(reply, new AppError('not_ready', 'The web pages are not built: run `npm run build` (or `npm start`, which builds them)'));
  }
  return reply
    .header('content-security-policy', PAGE_CSP)
    .header('x-frame-options', 'DENY')
    // The page names its hashed scripts: it must be revalidated to pick up a new build.
    .header('cache-control', 'no-cache')
    .type('text/html; charset=utf-8')
    .send(html);
}

/** Registers the page routes; returns the fallback that answers deep links of a workspace (`/t/{slug}/members/…`). */
export function servePages(app: HttpApp, options: PagesOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> | null {
  const root = options.root.replace(/\/$/, '');
  const hidden = { config: { access: infra }, schema: { hide: true } } as const;

  app.get('/assets/*', hidden, async (request, reply) => {
    const name = (request.params as { '*': string })['*'];
    const type = TYPES[extname(name)];
    const path = `${root}/assets/${name}`;
    if (!ASSET.test(name) || !type || !(await isFile(path))) return notFound(request, reply);
    reply.header('cache-control', 'public, max-age=31536000, immutable').header('vary', 'accept-encoding').type(type);
    // The build writes a gzip copy beside each script and style sheet (web/vite.config.ts): on a
    // phone's network the portal's first load is a third of the bytes (docs/portal.md, Performance).
    if (GZIP.test(request.headers['accept-encoding'] ?? '') && (await isFile(`${path}.gz`))) return reply.header('content-encoding', 'gzip').send(await readFile(`${path}.gz`));
    return reply.send(await readFile(path));
  });
  // The portal's service worker (web/public/sw.js): at the root, so that each tenant's portal
  // (`/t/{slug}/portal/`, or `/portal/` on its host) registers it with a scope of its own.
  app.get('/sw.js', hidden, async (request, reply) => {
    const path = `${root}/sw.js`;
    if (!(await isFile(path))) return notFound(request, reply);
    return reply.header('cache-control', 'no-cache').header('service-worker-allowed', '/').type('text/javascript; charset=utf-8').send(await readFile(path));
  });
  app.get('/console', hidden, async (_request, reply) => reply.redirect('/console/'));
  app.get('/console/*', hidden, async (request, reply) => (asksForPage(request) ? sendIndex(root, reply) : notFound(request, reply)));
  // `/t/{slug}/` arrives here as `/` (the tenant path is stripped before routing).
  app.get('/', hidden, async (request, reply) => {
    const tenantPath = (request.originalUrl ?? '').startsWith('/t/');
    if (!tenantPath && !options.isTenantHost(request.hostname)) return reply.redirect('/console/');
    return sendIndex(root, reply);
  });

  return (request, reply) => (asksForPage(request) && !NOT_PAGES.test(request.url) ? sendIndex(root, reply) : null);
}
