import { createColumnHelper } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import { useLocale, useT } from '../i18n/intl.js';
import { ConfirmAction, type Answer } from './confirm.js';
import { DataTable } from './DataTable.js';
import { Page } from './Page.js';
import { SecretPanel } from './SecretPanel.js';
import { formatTimestamp } from './dates.js';

/** An API key as both planes list it (the kernel's ApiKeyView): never its secret. */
export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const column = createColumnHelper<ApiKeyRow>();
const isPast = (at: string | null) => at !== null && new Date(at).getTime() <= Date.now();

const DAY_MS = 86_400_000;
/** The expiry choices of a new key, as the select offers them. */
export const EXPIRY_CHOICES = ['never', '30', '90', '365'] as const;
/** The expiry chosen (days from now, or never) as the API takes it. */
export const expiryOf = (choice: string) => (choice === 'never' ? null : new Date(Date.now() + Number(choice) * DAY_MS).toISOString());

/** A key made now answers the key; a replayed request answers only its id. */
const keyOf = (data: unknown): string | null => (data && typeof data === 'object' && 'key' in data && typeof data.key === 'string' ? data.key : null);

/**
 * The table of API keys, the workspace's and the console's: name, prefix, permissions, dates,
 * status and a Revoke button (confirmed) on each live key.
 */
export function ApiKeyTable({ rows, isLoading, error, pager, revoke, onRevoked }: {
  rows: ApiKeyRow[];
  isLoading: boolean;
  error: string | null;
  pager: { first: ReactNode; next: ReactNode };
  revoke: (id: string, headers: Record<string, string>) => Promise<Answer>;
  onRevoked: () => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const when = (at: string | null) => (at ? formatTimestamp(at, locale) : t('api-keys.never'));
  const status = (k: ApiKeyRow) => (k.revokedAt ? t('api-keys.revoked') : isPast(k.expiresAt) ? t('api-keys.expired') : t('api-keys.active'));
  const columns = [
    column.accessor('name', { header: t('api-keys.name'), cell: (c) => <span className="font-medium">{c.getValue()}</span> }),
    column.accessor('prefix', { header: t('api-keys.prefix'), cell: (c) => <code className="font-mono text-xs">{c.getValue()}…</code> }),
    column.accessor('permissions', { header: t('api-keys.permissions'), cell: (c) => c.getValue().join(', ') }),
    column.accessor('createdAt', { header: t('api-keys.createdAt'), cell: (c) => when(c.getValue()) }),
    column.accessor('expiresAt', { header: t('api-keys.expiry'), cell: (c) => when(c.getValue()) }),
    column.accessor('lastUsedAt', { header: t('api-keys.lastUsed'), cell: (c) => when(c.getValue()) }),
    column.display({ id: 'status', header: t('api-keys.status'), cell: (c) => status(c.row.original) }),
    column.display({
      id: 'actions',
      header: t('api-keys.actions'),
      cell: (c) =>
        c.row.original.revokedAt ? null : (
          <ConfirmAction
            label={t('api-keys.revoke')}
            title={t('api-keys.revoke.title')}
            description={t('api-keys.revoke.description', { name: c.row.original.name })}
            confirmLabel={t('api-keys.revokeNamed', { name: c.row.original.name })}
            variant="danger"
            run={(headers) => revoke(c.row.original.id, headers)}
            onDone={onRevoked}
          />
        ),
    }),
  ];
  return <DataTable<ApiKeyRow> label={t('api-keys.keys')} columns={columns} rows={rows} isLoading={isLoading} error={error} pager={pager} />;
}

/**
 * The page after a key was made: the key, shown this once, until the reader says it is stored
 * (`onDismiss`); a replayed creation answers no key, only a link back to the list.
 */
export function ApiKeyCreated({ made, onDismiss, listLink }: { made: unknown; onDismiss: () => void; listLink: ReactNode }) {
  const t = useT();
  const key = keyOf(made);
  return (
    <Page title={t('api-keys.created')}>
      {key ? (
        <SecretPanel secret={key} onDismiss={onDismiss} dismissLabel={t('api-keys.secret.stored')} labels={{ title: t('api-keys.secret.title'), warning: t('api-keys.secret.warning'), field: t('api-keys.secret') }} />
      ) : (
        <p className="text-sm">
          {t('api-keys.replayed')} {listLink}
        </p>
      )}
    </Page>
  );
}
