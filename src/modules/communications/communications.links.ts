import { createHmac, timingSafeEqual } from 'node:crypto';

export type LinkKind = 'unsubscribe' | 'open';
export interface LinkTarget {
  kind: LinkKind;
  announcementId: string;
  memberId: string;
}

const KINDS: LinkKind[] = ['unsubscribe', 'open'];
const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidOf = (bytes: Buffer) => bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/**
 * The links an announcement's e-mail carries: one-click unsubscribe and the open pixel. They
 * do not expire (an unsubscribe link must work whenever the reader finds the message); the MAC,
 * with a key derived from the platform secret, covers the tenant, so a link works on its own
 * tenant only. The token is one path segment under Fastify's 100-character limit.
 */
export class MessageLinks {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('courtyard message links v1').digest();
  }

  #mac(tenantId: string, payload: Buffer): Buffer {
    return createHmac('sha256', this.#key).update(uuidBytes(tenantId)).update(payload).digest().subarray(0, 16);
  }

  sign(tenantId: string, target: LinkTarget): string {
    const payload = Buffer.alloc(33);
    payload.writeUInt8(KINDS.indexOf(target.kind), 0);
    uuidBytes(target.announcementId).copy(payload, 1);
    uuidBytes(target.memberId).copy(payload, 17);
    return `${payload.toString('base64url')}.${this.#mac(tenantId, payload).toString('base64url')}`;
  }

  /** The link's target on `tenantId`, or null when altered, malformed or another tenant's. */
  verify(tenantId: string, token: string, kind: LinkKind): LinkTarget | null {
    const [encoded, mac, extra] = token.split('.');
    if (!encoded || !mac || extra !== undefined) return null;
    const payload = Buffer.from(encoded, 'base64url');
    const given = Buffer.from(mac, 'base64url');
    if (payload.length !== 33 || given.length !== 16 || !timingSafeEqual(given, this.#mac(tenantId, payload))) return null;
    if (KINDS[payload.readUInt8(0)] !== kind) return null;
    return { kind, announcementId: uuidOf(payload.subarray(1, 17)), memberId: uuidOf(payload.subarray(17, 33)) };
  }
}
