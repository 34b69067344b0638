import type { CourtyardClient } from '@courtyard/sdk';
import type { SessionRow } from '../../ui/AccountForms.js';

/** The signed-in operator, as `GET /control/v1/me` answers. */
export interface Operator {
  id: string;
  email: string;
  name: string;
}

type Answer<T = unknown> = { data?: T; error?: unknown; response: Response };
type Init = { body?: unknown; headers?: Record<string, string> };
/** The client's methods as plain calls: the paths below are typed here until the SDK's schema is regenerated with them. */
type Calls = Record<'GET' | 'PATCH' | 'POST' | 'DELETE', (path: string, init?: Init) => Promise<Answer>>;

/** The operator's own account (`/control/v1/me`, docs/security.md): name, password, sessions. */
export function operatorAccountCalls(api: CourtyardClient) {
  const calls = api as unknown as Calls;
  return {
    me: () => calls.GET('/control/v1/me') as Promise<Answer<Operator>>,
    rename: (name: string) => calls.PATCH('/control/v1/me', { body: { name } }) as Promise<Answer<Operator>>,
    changePassword: (body: { currentPassword: string; newPassword: string }) => calls.POST('/control/v1/me/password', { body }),
    sessions: () => calls.GET('/control/v1/me/sessions') as Promise<Answer<{ data: SessionRow[] }>>,
    endSession: (id: string, headers: Record<string, string>) => calls.DELETE(`/control/v1/me/sessions/${encodeURIComponent(id)}`, { headers }),
  };
}
