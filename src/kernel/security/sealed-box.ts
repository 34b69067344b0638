import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) for small values the database keeps only until they
 * are used, such as the token in a queued invitation. `context` binds a sealed value to the
 * row it belongs to (tenant and id): moved to another row, it does not open.
 */
export class SealedBox {
  readonly #key: Buffer;

  /** `purpose` separates keys derived from one platform secret. */
  constructor(secret: string, purpose: string) {
    this.#key = createHmac('sha256', secret).update(`courtyard sealed-box v1 ${purpose}`).digest();
  }

  seal(value: unknown, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `v1.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** Throws when the value was not sealed with this key and context, or was changed. */
  open<T = unknown>(sealed: string, context: string): T {
    if (!sealed.startsWith('v1.')) throw new Error('unknown sealed-box version');
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    if (raw.length < 28) throw new Error('sealed value is truncated');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return JSON.parse(Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')) as T;
  }
}
