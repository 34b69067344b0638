import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';
import { ConfirmAction } from '../../ui/confirm.js';
import { Section } from '../../ui/DetailList.js';
import { may, useMe } from '../../workspace/me.js';
import type { Member } from './types.js';

/**
 * The member's access to the portal (docs/portal.md#joining): "Invite to portal" creates their
 * login (a user with the member role, linked to them, no password: the invitation e-mail asks
 * them to choose one). Afterwards it says "Invited" until they accept (and offers to send the
 * invitation again, which stops the earlier link), then "Has portal access". Without an e-mail
 * address there is no one to invite, and the section says so beside the unavailable button.
 */
export function PortalAccess({ member }: { member: Member }) {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const queries = useQueryClient();
  const [sent, setSent] = useState<'invited' | 'resent' | null>(null);
  const canSee = may(me.data, 'core', 'users.read');
  const canInvite = may(me.data, 'core', 'users.write');
  // The users API has no filter by member: a tenant's users are few, one page finds the link.
  const users = useQuery({ queryKey: ['users', 'all'], enabled: canSee, queryFn: async () => unwrap(await api.GET('/api/v1/users', { params: { query: { limit: 200 } } })) });
  if (!canSee) return null;
  const linked = users.data?.data.find((u) => u.memberId === member.id);
  // Accepting the invitation signs the member in: a login that never signed in has not accepted.
  const state = !linked ? null : linked.status === 'disabled' ? 'members.portalDisabled' : linked.lastLoginAt ? 'members.portalActive' : 'members.portalNeverSignedIn';
  const done = (what: 'invited' | 'resent') => {
    setSent(what);
    void queries.invalidateQueries({ queryKey: ['users'] });
  };
  return (
    <Section title={t('members.portal')}>
      {linked && state ? (
        <div className="space-y-2">
          <p className="text-sm">
            <span className="font-medium" data-testid="portal-state">{t(state)}</span>
            {' · '}
            {t('members.portalUser')}{' '}
            <Link to="/users/$userId" params={{ userId: linked.id }} className="font-medium text-brand underline">{linked.email}</Link>
          </p>
          {sent ? <p role="status" className="text-sm text-emerald-800">{t(sent === 'invited' ? 'members.invite.done' : 'members.resend.done', { email: linked.email })}</p> : null}
          {canInvite && state === 'members.portalNeverSignedIn' ? (
            <ConfirmAction
              label={t('members.resend')}
              title={t('members.resend.title')}
              description={t('members.resend.description', { email: linked.email })}
              confirmLabel={t('members.invite.confirm')}
              run={(headers) => api.POST('/api/v1/users/{id}/invitation', { headers, params: { path: { id: linked.id } } })}
              onDone={() => done('resent')}
            />
          ) : null}
        </div>
      ) : users.data ? (
        <div className="space-y-2">
          <p className="text-sm text-slate-600">{member.email ? t('members.portalNone') : t('members.portalNoEmail')}</p>
          {canInvite ? (
            <ConfirmAction
              label={t('members.invite')}
              title={t('members.invite.title')}
              description={t('members.invite.description', { email: member.email ?? '' })}
              confirmLabel={t('members.invite.confirm')}
              variant="primary"
              isDisabled={!member.email}
              run={(headers) => api.POST('/api/v1/users', { headers, body: { email: member.email ?? '', name: `${member.firstName} ${member.lastName}`, roles: ['member'], memberId: member.id } })}
              onDone={() => done('invited')}
            />
          ) : null}
        </div>
      ) : null}
    </Section>
  );
}
