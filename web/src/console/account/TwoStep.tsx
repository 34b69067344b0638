import { Link } from '@tanstack/react-router';
import { useMemo } from 'react';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { TwoStepPage, type TwoStepCalls } from '../../ui/TwoStepPage.js';

/** The operator's two-step sign-in (`/control/v1/me/mfa`). */
export function OperatorTwoStep() {
  const t = useT();
  const api = useApi();
  const calls = useMemo<TwoStepCalls>(() => ({
    key: 'operator-me',
    status: () => api.GET('/control/v1/me/mfa'),
    start: () => api.POST('/control/v1/me/mfa/totp'),
    confirm: (code) => api.POST('/control/v1/me/mfa/totp/confirm', { body: { code } }),
    disable: (code) => api.DELETE('/control/v1/me/mfa/totp', { body: { code } }),
  }), [api]);
  return <TwoStepPage calls={calls} actions={<Link to="/account">{t('account.title')}</Link>} text={t('account.twoStep.operatorText')} />;
}
