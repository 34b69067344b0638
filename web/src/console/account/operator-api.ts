import type { CourtyardClient, operations } from '@courtyard/sdk';

/** The signed-in operator, as `GET /control/v1/me` answers. */
export type Operator = operations['control.me.get']['responses'][200]['content']['application/json'];

/** The operator's own account (`/control/v1/me`, docs/security.md): name, password, sessions. */
export function operatorAccountCalls(api: CourtyardClient) {
  return {
    me: () => api.GET('/control/v1/me'),
    rename: (name: string) => api.PATCH('/control/v1/me', { body: { name } }),
    changePassword: (body: { currentPassword: string; newPassword: string }) => api.POST('/control/v1/me/password', { body }),
    sessions: () => api.GET('/control/v1/me/sessions'),
    endSession: (id: string, headers: Record<string, string>) => api.DELETE('/control/v1/me/sessions/{id}', { params: { path: { id } }, headers }),
  };
}
