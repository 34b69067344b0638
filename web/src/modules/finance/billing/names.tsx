import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';

/**
 * A member, unit or property named by id, as the rows of a preview or a bank statement carry
 * them. Each is read once (cached by id, the member under the key the member page uses) and
 * only when shown: the tables draw only their visible rows.
 */
export function MemberName({ id, link = true }: { id: string | null; link?: boolean }) {
  const api = useApi();
  const member = useQuery({
    queryKey: ['member', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/members/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 300_000,
  });
  if (!id) return <>—</>;
  const name = member.data ? `${member.data.firstName} ${member.data.lastName}` : '…';
  return link ? (
    <Link to="/members/$memberId" params={{ memberId: id }} className="text-brand underline-offset-2 hover:underline">
      {name}
    </Link>
  ) : (
    <>{name}</>
  );
}

export function UnitLabel({ id }: { id: string | null }) {
  const api = useApi();
  const unit = useQuery({
    queryKey: ['unit', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/units/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 300_000,
  });
  if (!id) return <>—</>;
  return <>{unit.data?.label ?? '…'}</>;
}

export function PropertyName({ id }: { id: string | null }) {
  const api = useApi();
  const property = useQuery({
    queryKey: ['property', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/properties/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    staleTime: 300_000,
  });
  if (!id) return <>—</>;
  return <>{property.data?.name ?? '…'}</>;
}
