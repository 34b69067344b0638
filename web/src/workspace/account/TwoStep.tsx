import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { TwoStepPage, type TwoStepCalls } from '../../ui/TwoStepPage.js';

/** The workspace user's two-step sign-in (`/api/v1/me/mfa`). */
export function TwoStep() {
  const t = useT();
  const api = useApi();
  const calls = useMemo<TwoStepCalls>(() => ({
    key: 'me',
    status: () => api.GET('/api/v1/me/mfa'),
    start: () => api.POST('/api/v1/me/mfa/totp'),
    confirm: (code) => api.POST('/api/v1/me/mfa/totp/confirm', { body: { code } }),
    disable: (code) => api.DELETE('/api/v1/me/mfa/totp', { body: { code } }),
  }), [api]);
  return <TwoStepPage calls={calls} actions={<Link to="/account">{t('account.title')}</Link>} text={t('account.twoStep.text')} />;
}
