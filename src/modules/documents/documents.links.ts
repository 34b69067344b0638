import { createHmac, timingSafeEqual } from 'node:crypto';

export interface LinkTarget {
  tenantId: string;
  documentId: string;
  version: number;
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * Short-lived download links. The token (one path segment, under Fastify's 100-character limit)
 * packs the document, version and expiry; its MAC, with a key derived from the platform secret,
 * also covers the tenant, so a link works on its own tenant only. The link works without a
 * sign-in (a browser following it sends no bearer token), and only until it expires.
 */
export class LinkSigner {
  readonly #key: Buffer;

  constructor(secret: string, readonly ttlSeconds = 300, private readonly now: () => Date = () => new Date()) {
    this.#key = createHmac('sha256', secret).update('courtyard document links v1').digest();
  }

  #mac(tenantId: string, payload: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(uuidBytes(tenantId)).update(payload).digest().subarray(0, 16);
  }

  sign(target: LinkTarget): { token: string; expiresAt: Date } {
    const exp = Math.floor(this.now().getTime() / 1000) + this.ttlSeconds;
    const payload = Buffer.alloc(24);
    uuidBytes(target.documentId).copy(payload, 0);
    payload.writeUInt32BE(target.version, 16);
    payload.writeUInt32BE(exp, 20);
    return { token: `${payload.toString('base64url')}.${this.#mac(target.tenantId, payload).toString('base64url')}`, expiresAt: new Date(exp * 1000) };
  }

  /** The link's target on `tenantId`; 'invalid' when altered, malformed or another tenant's, 'expired' when genuine but late. */
  verify(tenantId: string, token: string): LinkTarget | 'invalid' | 'expired' {
    const [encoded, mac, extra] = token.split('.');
    if (!encoded || !mac || extra !== undefined) return 'invalid';
    const payload = Buffer.from(encoded, 'base64url');
    const given = Buffer.from(mac, 'base64url');
    if (payload.length !== 24 || given.length !== 16 || !timingSafeEqual(given, this.#mac(tenantId, payload))) return 'invalid';
    if (payload.readUInt32BE(20) * 1000 <= this.now().getTime()) return 'expired';
    return { tenantId, documentId: uuidOf(payload.subarray(0, 16)), version: payload.readUInt32BE(16) };
  }
}
