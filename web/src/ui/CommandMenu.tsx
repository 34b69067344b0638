import { useEffect, useMemo, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { Autocomplete, Dialog, Header, Input, Label, ListBox, ListBoxItem, ListBoxSection, Modal, ModalOverlay, SearchField } from 'react-aria-components';
import { Search } from 'lucide-react';
import { planeOf } from '../api/plane.js';
import { unwrap } from '../api/problem.js';
import { useApi } from '../api/session.js';
import { useT } from '../i18n/intl.js';
import { may, useMe } from '../workspace/me.js';
import { Button } from './Button.js';

/** Where an entry of the menu goes: a path of the application, with its search params. */
interface Entry {
  id: string;
  label: string;
  to: string;
  search?: Record<string, string>;
}
interface Group {
  id: string;
  title: string;
  entries: Entry[];
}

const RECORDS = 8;

function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** A workspace user finds members by name and properties by name, as far as they may read them. */
function useWorkspaceRecords(q: string): Group[] {
  const t = useT();
  const api = useApi();
  const me = useMe();
  const members = useQuery({
    queryKey: ['command', 'members', q],
    enabled: q.length > 0 && may(me.data, 'members', 'members.read'),
    queryFn: async () => unwrap(await api.GET('/api/v1/members', { params: { query: { limit: RECORDS, q } } })),
    placeholderData: keepPreviousData,
  });
  const properties = useQuery({
    queryKey: ['command', 'properties', q],
    enabled: q.length > 0 && may(me.data, 'properties', 'properties.read'),
    queryFn: async () => unwrap(await api.GET('/api/v1/properties', { params: { query: { limit: RECORDS, q } } })),
    placeholderData: keepPreviousData,
  });
  if (!q) return [];
  return [
    { id: 'members', title: t('dashboard.command.members'), entries: (members.data?.data ?? []).map((m) => ({ id: `member:${m.id}`, label: `${m.firstName} ${m.lastName}`, to: `/members/${m.id}` })) },
    { id: 'properties', title: t('dashboard.command.properties'), entries: (properties.data?.data ?? []).map((p) => ({ id: `property:${p.id}`, label: p.name, to: `/properties/${p.id}` })) },
  ];
}

/** An operator finds tenants by name or slug. */
function useConsoleRecords(q: string): Group[] {
  const t = useT();
  const api = useApi();
  const tenants = useQuery({
    queryKey: ['command', 'tenants', q],
    enabled: q.length > 0,
    queryFn: async () => unwrap(await api.GET('/control/v1/tenants', { params: { query: { limit: RECORDS, q } } })),
    placeholderData: keepPreviousData,
  });
  if (!q) return [];
  return [{ id: 'tenants', title: t('dashboard.command.tenants'), entries: (tenants.data?.data ?? []).map((x) => ({ id: `tenant:${x.id}`, label: `${x.name} (${x.slug})`, to: '/tenants', search: { q: x.slug } })) }];
}

// The page is in the console or in a workspace for its whole life: one of the two, chosen once.
const useRecords = planeOf(location.pathname).kind === 'console' ? useConsoleRecords : useWorkspaceRecords;

function Palette({ pages, onDone }: { pages: { to: string; label: string }[]; onDone: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 120);
  const records = useRecords(q);
  const needle = text.trim().toLowerCase();
  const groups: Group[] = [
    { id: 'pages', title: t('dashboard.command.pages'), entries: pages.filter((p) => p.label.toLowerCase().includes(needle)).map((p) => ({ id: `page:${p.to}`, label: p.label, to: p.to })) },
    ...records,
  ].filter((g) => g.entries.length > 0);
  const byId = useMemo(() => new Map(groups.flatMap((g) => g.entries.map((e) => [e.id, e] as const))), [groups]);
  const go = (id: string) => {
    const entry = byId.get(id);
    if (!entry) return;
    onDone();
    void navigate({ to: entry.to, search: entry.search });
  };
  return (
    <Autocomplete inputValue={text} onInputChange={setText}>
      <SearchField autoFocus className="flex items-center gap-2 border-b border-slate-200 px-3">
        <Label className="sr-only">{t('dashboard.command.search')}</Label>
        <Search aria-hidden size={16} className="text-slate-400" />
        <Input className="w-full py-3 text-sm outline-none [&::-webkit-search-cancel-button]:hidden" />
      </SearchField>
      <ListBox
        aria-label={t('dashboard.command.results')}
        onAction={(key) => go(String(key))}
        className="max-h-80 overflow-y-auto p-2 outline-none"
        renderEmptyState={() => <p className="px-3 py-2 text-sm text-slate-600">{t('dashboard.command.nothing')}</p>}
      >
        {groups.map((g) => (
          <ListBoxSection key={g.id} id={g.id} className="mb-2">
            <Header className="px-3 py-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{g.title}</Header>
            {g.entries.map((e) => (
              <ListBoxItem key={e.id} id={e.id} textValue={e.label} className="cursor-pointer rounded-md px-3 py-1.5 text-sm outline-none data-[focused]:bg-slate-100 data-[focus-visible]:ring-2 data-[focus-visible]:ring-brand">
                {e.label}
              </ListBoxItem>
            ))}
          </ListBoxSection>
        ))}
      </ListBox>
    </Autocomplete>
  );
}

/**
 * The command menu: Ctrl-K (⌘K on a Mac) or the top bar's button opens a dialog with a
 * `Search` field and a list of what it finds: the pages of the navigation, and records (members,
 * properties; tenants in the console) as the user may read them. Arrows move, Enter goes,
 * Escape closes.
 */
export function CommandMenu({ pages }: { pages: { to: string; label: string }[] }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <>
      <Button variant="secondary" onPress={() => setOpen(true)} aria-keyshortcuts="Control+K Meta+K">
        <Search aria-hidden size={14} />
        {t('dashboard.command.open')}{' '}
        <kbd className="rounded border border-slate-300 px-1 font-sans text-xs text-slate-500">{t('dashboard.command.shortcut')}</kbd>
      </Button>
      <ModalOverlay isOpen={open} onOpenChange={setOpen} isDismissable className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/30 p-4 pt-24">
        <Modal className="w-full max-w-lg overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xl">
          <Dialog aria-label={t('dashboard.command.title')} className="outline-none">
            {({ close }) => <Palette pages={pages} onDone={close} />}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </>
  );
}
