import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Who may read `/metrics`. The counters name routes, tenants' traffic and pool sizes: useful to
 * an attacker mapping the platform, so they are not public. With `COURTYARD_METRICS_TOKEN` set,
 * a scraper sends it as a bearer token from anywhere; without it, only this machine (loopback)
 * may read them. `ip` is the client's address as Fastify sees it, so behind a trusted proxy
 * (`COURTYARD_TRUST_PROXY`) a public client is not mistaken for the proxy's loopback hop.
 */
export function metricsAccess(token: string | undefined, ip: string, authorization: string | undefined): 'allowed' | 'unauthenticated' | 'forbidden' {
  if (token !== undefined) {
    const sent = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    return sent !== undefined && sameSecret(sent, token) ? 'allowed' : 'unauthenticated';
  }
  return isLoopback(ip) ? 'allowed' : 'forbidden';
}

/** Compared as digests so neither the length nor the first differing byte leaks through timing. */
const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

function isLoopback(ip: string): boolean {
  const v4 = ip.startsWith('::ffff:') ? ip.slice(7) : ip;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return ip === '::1';
}
