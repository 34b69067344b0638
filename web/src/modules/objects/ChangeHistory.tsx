import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useLocale, useT, type MessageId } from '../../i18n/intl.js';
import { formatTimestamp } from '../../ui/dates.js';
import { Section } from '../../ui/DetailList.js';
import { may, useMe } from '../../workspace/me.js';
import { SimpleTable } from '../members/SimpleTable.js';

const ACTIONS = ['created', 'updated', 'archived', 'field_added', 'field_updated', 'field_removed', 'field_restored', 'field_purged'];

/** Every version of the definition, newest first: what changed (and which field), who and when. */
export function ChangeHistory({ objectKey, version }: { objectKey: string; version: number }) {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const { locale } = useLocale();
  const changes = useQuery({ queryKey: ['objects', 'definitions', objectKey, 'changes', version], queryFn: async () => unwrap(await api.GET('/api/v1/objects/definitions/{key}/changes', { params: { path: { key: objectKey } } })).data });
  // The changes name their authors by user id: the users' names where the viewer may read them.
  const users = useQuery({ queryKey: ['users', 'names'], enabled: may(me.data, 'core', 'users.read'), queryFn: async () => unwrap(await api.GET('/api/v1/users', { params: { query: { limit: 200 } } })).data, staleTime: 300_000 });
  const who = (id: string | null) => {
    if (!id) return t('objects.history.system');
    if (id === me.data?.user.id) return me.data.user.name;
    return users.data?.find((u) => u.id === id)?.name ?? `#${id.slice(-8)}`;
  };
  const rows = [...(changes.data ?? [])].sort((a, b) => b.version - a.version).map((c) => ({
    key: String(c.version),
    cells: [
      String(c.version),
      ACTIONS.includes(c.action) ? t(`objects.history.${c.action}` as MessageId) : c.action,
      typeof c.details.key === 'string' && c.action.startsWith('field_') ? <code key="k" className="text-xs">{c.details.key}</code> : '—',
      who(c.actor),
      formatTimestamp(c.changedAt, locale),
    ],
  }));
  return (
    <Section title={t('objects.history')}>
      <SimpleTable caption={t('objects.history')} headers={[t('objects.version'), t('objects.history.what'), t('objects.history.field'), t('objects.history.who'), t('objects.history.when')]} rows={rows} empty={changes.isLoading ? t('list.loading') : t('objects.history.none')} />
    </Section>
  );
}
