import { SealedBox } from '../../kernel/security/sealed-box.js';
import { SECRET_PREFIX } from '../../kernel/webhooks/signing.js';

/**
 * Endpoint signing secrets, sealed at rest: a copy of the database (a backup, a replica, a
 * support dump) does not let anyone sign messages that a tenant's systems would trust. Each
 * sealed value is bound to its tenant and endpoint, so it does not open on another row.
 *
 * Rows written before sealing hold `whsec_…` in the clear. They are read as they are and sealed
 * by the next delivery attempt or rotation (webhooks.worker.ts, WebhooksService.rotateSecret).
 */
export class EndpointSecrets {
  readonly #box: SealedBox;

  constructor(sealingSecret: string) {
    this.#box = new SealedBox(sealingSecret, 'webhook endpoint secrets');
  }

  seal(tenantId: string, endpointId: string, secret: string): string {
    return this.#box.seal(secret, `${tenantId}:${endpointId}`);
  }

  open(tenantId: string, endpointId: string, stored: string): string {
    return isSealed(stored) ? this.#box.open<string>(stored, `${tenantId}:${endpointId}`) : stored;
  }
}

export const isSealed = (stored: string): boolean => !stored.startsWith(SECRET_PREFIX);
