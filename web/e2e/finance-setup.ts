import { createCourtyardClient, type CourtyardClient } from '../../sdk/src/index.js';
import { generate } from 'otplib';
import { accessTokenOf, server, TENANT_PASSWORD } from './browser.js';

/** The tenant's API as its manager (the treasurer), through the SDK: what a finance journey starts from. */
export async function managerApi(tenant: { slug: string; email: string }): Promise<CourtyardClient> {
  const api = createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug });
  const login = await api.POST('/api/v1/auth/login', { body: { email: tenant.email, password: TENANT_PASSWORD } });
  const token = accessTokenOf(login.data);
  return createCourtyardClient({ baseUrl: server().url, tenant: tenant.slug, accessToken: () => token });
}

/** A charge posted through the API (an older levy the payment should settle first). */
export async function postCharge(api: CourtyardClient, body: { memberId: string; amount: number; dueDate: string; description: string }): Promise<string> {
  const created = await api.POST('/api/v1/finance/charges', { body: { ...body, kind: 'levy', currency: 'EUR' } });
  if (!created.data) throw new Error(`charge: ${JSON.stringify(created.error)}`);
  return created.data.id;
}

/**
 * Enrols the manager's authenticator app through the API, so that finance.approve's actions
 * (a void, a refund) can be stepped up to with its code; answers the secret.
 */
export async function enrolManager(tenant: { slug: string; email: string }): Promise<string> {
  const api = await managerApi(tenant);
  const started = await api.POST('/api/v1/me/mfa/totp');
  if (!started.data || !('secret' in started.data)) throw new Error(`enrolment of ${tenant.email} did not start: ${JSON.stringify(started.error ?? started.data)}`);
  const secret = started.data.secret;
  const confirmed = await api.POST('/api/v1/me/mfa/totp/confirm', { body: { code: await generate({ secret }) } });
  if (!confirmed.data) throw new Error(`enrolment of ${tenant.email}: ${JSON.stringify(confirmed.error)}`);
  return secret;
}
