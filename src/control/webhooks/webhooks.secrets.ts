import { SealedBox } from '../../kernel/security/sealed-box.js';

/**
 * The operator's endpoint signing secrets, sealed at rest as the control plane seals the
 * operators' authenticator secrets: a key derived from the platform's token secret, each value
 * bound to its endpoint, so a copy of the database cannot sign messages the operator's systems trust.
 */
export class OperatorWebhookSecrets {
  readonly #box: SealedBox;

  constructor(sealingSecret: string) {
    this.#box = new SealedBox(sealingSecret, 'operator webhook secrets');
  }

  seal(endpointId: string, secret: string): string {
    return this.#box.seal(secret, `operator-webhook:${endpointId}`);
  }

  open(endpointId: string, sealed: string): string {
    return this.#box.open<string>(sealed, `operator-webhook:${endpointId}`);
  }
}
