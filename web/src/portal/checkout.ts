import type { CourtyardClient, operations } from '@courtyard/sdk';
import type { Plane } from '../api/plane.js';

export type CheckoutSession = operations['finance.checkoutSessions.create']['responses'][201]['content']['application/json'];

/**
 * The checkout this tab sent the member to: Stripe brings them back to the return page with its
 * own session id only, so the portal remembers ours (an id, not a credential) for that page.
 */
const KEY = 'courtyard.checkout';
export const rememberCheckout = (id: string) => sessionStorage.setItem(KEY, id);
export const rememberedCheckout = (): string | null => sessionStorage.getItem(KEY);
export const forgetCheckout = () => sessionStorage.removeItem(KEY);

/**
 * Opens a card checkout for the member's whole balance, or for the open charges they chose;
 * answers the provider's page, or the refusal's code.
 */
export async function openCheckout(api: CourtyardClient, plane: Plane, memberId: string, idempotencyKey: string, chargeIds?: string[]): Promise<{ url: string } | { code: string }> {
  const base = `${location.origin}${plane.basepath.replace(/\/$/, '')}`;
  const answer = await api
    .POST('/api/v1/finance/checkout-sessions', {
      // A double tap or a retry opens one session: the server answers it with the first one.
      headers: { 'idempotency-key': idempotencyKey },
      body: { memberId, ...(chargeIds ? { chargeIds } : {}), successUrl: `${base}/payment`, cancelUrl: `${base}/money` },
    })
    .catch(() => null);
  if (!answer) return { code: 'network' };
  if (!answer.data) return { code: (answer.error as { code?: string } | undefined)?.code ?? 'http_error' };
  rememberCheckout(answer.data.id);
  return { url: answer.data.url };
}

/** One checkout session and its outcome: open until the webhook records the payment. */
export const readCheckout = (api: CourtyardClient, id: string) => api.GET('/api/v1/finance/checkout-sessions/{id}', { params: { path: { id } } });
