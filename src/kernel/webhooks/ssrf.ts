import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';

/**
 * Server-side request forgery guard. A webhook URL is its owner's to choose (a tenant's, or
 * the operator's), so it must not be able to point the platform at itself, its network or its
 * cloud's metadata service.
 * Addresses are classified AFTER name resolution, at registration and again at every
 * connection (see `guardedLookup`), so a name that later resolves elsewhere (DNS rebinding)
 * is refused when it matters: when we connect.
 */
export type AddressClass = 'unspecified' | 'loopback' | 'private' | 'cgnat' | 'link-local' | 'metadata' | 'unique-local' | 'multicast' | 'reserved';

/** A refused destination: the message names the address and why. */
export class DestinationRefusedError extends Error {
  readonly code = 'ERR_WEBHOOK_DESTINATION_REFUSED';
  constructor(readonly address: string, readonly addressClass: AddressClass) {
    super(`${address} is ${describeAddressClass(addressClass)}; webhooks may not be sent there`);
    this.name = 'DestinationRefusedError';
  }
}

export function describeAddressClass(c: AddressClass): string {
  switch (c) {
    case 'unspecified': return 'an unspecified address';
    case 'loopback': return 'a loopback address';
    case 'private': return 'a private address';
    case 'cgnat': return 'a carrier-grade NAT address';
    case 'link-local': return 'a link-local address';
    case 'metadata': return 'a cloud metadata address';
    case 'unique-local': return 'a unique-local IPv6 address';
    case 'multicast': return 'a multicast address';
    case 'reserved': return 'a reserved address';
  }
}

type Rule = [prefix: number[], bits: number, cls: AddressClass];

// First match wins: the specific metadata addresses come before the ranges that hold them.
// Documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32) are not
// routed on the internet and are allowed: tests use them as public stand-ins.
const V4_RULES: Rule[] = [
  [[169, 254, 169, 254], 32, 'metadata'],
  [[168, 63, 129, 16], 32, 'metadata'], // Azure's wire server
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'cgnat'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'reserved'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

const V6_RULES: Rule[] = [
  [[0xfd, 0x00, 0x0e, 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54], 128, 'metadata'], // fd00:ec2::254
  [new Array(16).fill(0), 128, 'unspecified'],
  [[...new Array(15).fill(0), 1], 128, 'loopback'],
  [[0xfc], 7, 'unique-local'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0xfe, 0xc0], 10, 'reserved'], // site-local, deprecated
  [[0xff], 8, 'multicast'],
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64, 'reserved'], // discard-only
  [[0x20, 0x01, 0x00, 0x00], 32, 'reserved'], // Teredo: hides an IPv4 address
  // Local-use NAT64 (RFC 8215): a translator of the network we are in, to any IPv4 address
  // it likes, at a prefix length we cannot know; never routed on the internet.
  [[0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], 48, 'reserved'],
];

function matches(bytes: number[], [prefix, bits]: Rule): boolean {
  for (let i = 0; i < Math.ceil(bits / 8); i++) {
    const take = Math.min(8, bits - i * 8);
    const mask = (0xff << (8 - take)) & 0xff;
    if (((bytes[i] ?? 0) & mask) !== ((prefix[i] ?? 0) & mask)) return false;
  }
  return true;
}

function parseV4(address: string): number[] | null {
  const parts = address.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

/** 16 bytes of an IPv6 address (zone id ignored), or null. */
function parseV6(address: string): number[] | null {
  let a = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  let tail: number[] = [];
  const dotted = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (dotted) {
    const v4 = parseV4(dotted[1]!);
    if (!v4) return null;
    tail = v4;
    a = a.slice(0, -dotted[1]!.length);
    if (a.endsWith(':') && !a.endsWith('::')) a = a.slice(0, -1);
  }
  const halves = a.split('::');
  if (halves.length > 2) return null;
  const group = (s: string) => (s === '' ? [] : s.split(':'));
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  const groupsNeeded = 8 - tail.length / 2;
  const missing = groupsNeeded - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...new Array(Math.max(missing, 0)).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    const n = parseInt(g, 16);
    bytes.push(n >> 8, n & 0xff);
  }
  return [...bytes, ...tail];
}

function classifyV4(bytes: number[]): AddressClass | null {
  return V4_RULES.find((r) => matches(bytes, r))?.[2] ?? null;
}

/**
 * Why an IP address may not receive webhooks, or null when it is a public address. IPv6
 * forms that carry an IPv4 address (mapped, compatible, translated, NAT64, 6to4) are judged by it;
 * those that only a translator in our own network answers are refused whatever they carry.
 */
export function classifyAddress(address: string): AddressClass | null {
  const v4 = parseV4(address);
  if (v4) return classifyV4(v4);
  const b = parseV6(address);
  if (!b) return 'reserved'; // not an address we understand: refuse
  const zeros = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zeros(0, 10) && b[10] === 0xff && b[11] === 0xff) return classifyV4(b.slice(12)); // ::ffff:a.b.c.d
  // ::ffff:0:a.b.c.d (SIIT, RFC 2765): only a translator inside our network answers it.
  if (zeros(0, 8) && b[8] === 0xff && b[9] === 0xff && zeros(10, 12)) return classifyV4(b.slice(12)) ?? 'reserved';
  if (zeros(0, 12) && !zeros(12, 16) && !(zeros(12, 15) && b[15] === 1)) return classifyV4(b.slice(12)) ?? 'reserved'; // ::a.b.c.d (deprecated)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zeros(4, 12)) return classifyV4(b.slice(12)); // 64:ff9b::/96
  if (b[0] === 0x20 && b[1] === 0x02) return classifyV4(b.slice(2, 6)); // 2002::/16, 6to4
  return V6_RULES.find((r) => matches(b, r))?.[2] ?? null;
}

/** Resolves a host name to every address it has. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses))));

/** The URL's host as an address when it is an IP literal (IPv6 without brackets), else null. */
export function ipLiteral(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return isIP(host) ? host : null;
}

/**
 * Every address `hostname` resolves to, refusing the whole name if any one of them is not
 * public (a mixed answer is a rebinding attempt as likely as not).
 */
export async function resolvePublic(hostname: string, resolve: Resolver = systemResolver): Promise<LookupAddress[]> {
  const literal = isIP(hostname) ? [{ address: hostname, family: isIP(hostname) }] : null;
  const addresses = literal ?? (await resolve(hostname));
  if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no addresses`), { code: 'ENOTFOUND' });
  for (const a of addresses) {
    const cls = classifyAddress(a.address);
    if (cls) throw new DestinationRefusedError(a.address, cls);
  }
  return addresses;
}

/**
 * A `lookup` for net/tls connections that resolves with `resolve` and, unless private
 * destinations are allowed, refuses any non-public answer. The socket connects to exactly the
 * address that was checked: there is no second resolution for DNS to answer differently.
 */
export function guardedLookup(options: { allowPrivate: boolean; resolve?: Resolver }): LookupFunction {
  const resolve = options.resolve ?? systemResolver;
  return ((hostname: string, lookupOptions: unknown, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    const opts = (typeof lookupOptions === 'object' && lookupOptions !== null ? lookupOptions : {}) as { all?: boolean; family?: number | string };
    const wanted = opts.family === 4 || opts.family === 'IPv4' ? 4 : opts.family === 6 || opts.family === 'IPv6' ? 6 : 0;
    (options.allowPrivate ? resolve(hostname) : resolvePublic(hostname, resolve))
      .then((all) => {
        const addresses = wanted ? all.filter((a) => a.family === wanted) : all;
        if (addresses.length === 0) throw Object.assign(new Error(`${hostname} has no IPv${wanted} address`), { code: 'ENOTFOUND' });
        if (opts.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, ''));
  }) as LookupFunction;
}
