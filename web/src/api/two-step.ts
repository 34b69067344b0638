import { useMemo } from 'react';
import type { TwoStepCalls } from '../ui/TwoStepPage.js';
import { useApi } from './session.js';

/** A tenant user's own two-step calls (`/api/v1/me/mfa…`): the workspace's account page and the portal's security page. */
export function useTenantTwoStepCalls(): TwoStepCalls {
  const api = useApi();
  return useMemo<TwoStepCalls>(() => ({
    key: 'me',
    status: () => api.GET('/api/v1/me/mfa'),
    start: () => api.POST('/api/v1/me/mfa/totp'),
    confirm: (code) => api.POST('/api/v1/me/mfa/totp/confirm', { body: { code } }),
    disable: (code) => api.DELETE('/api/v1/me/mfa/totp', { body: { code } }),
  }), [api]);
}
