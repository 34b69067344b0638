import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema.js';

export type { components, operations, paths } from './schema.js';

/** A client of the whole API: the data plane (`/api/v1/…`) and the control plane (`/control/v1/…`). */
export type CourtyardClient = Client<paths>;

export interface CourtyardClientOptions extends ClientOptions {
  /** Origin of the Courtyard server, e.g. `https://courtyard.example.com`. */
  baseUrl: string;
  /** The tenant whose data plane is called (slug or id), sent as `x-tenant-id`. Not needed on a tenant's own host. */
  tenant?: string;
  /** The access token to send, read on every request (so a refreshed token is picked up). */
  accessToken?: () => string | undefined;
}

/** A typed client: every path, parameter, body and response is checked against the OpenAPI document. */
export function createCourtyardClient(options: CourtyardClientOptions): CourtyardClient {
  const { tenant, accessToken, ...rest } = options;
  const client = createClient<paths>(rest);
  const auth: Middleware = {
    onRequest({ request }) {
      const token = accessToken?.();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      if (tenant) request.headers.set('x-tenant-id', tenant);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** A problem document (RFC 9457) as every refusal of the API carries it. */
export type Problem = components['schemas']['Problem'];
