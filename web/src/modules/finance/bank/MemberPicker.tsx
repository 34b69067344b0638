import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button as AriaButton, ComboBox, Input, ListBox, ListBoxItem, Popover } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { unwrap } from '../../../api/problem.js';
import { useApi } from '../../../api/session.js';

export interface MemberChoice {
  id: string;
  name: string;
}

/**
 * Who paid a line: the members the API proposed first, then any member found by typing part of a
 * name or e-mail (the members list's search).
 */
export function MemberPicker({ label, selected, seed, onChange }: { label: string; selected: string | null; seed: MemberChoice[]; onChange: (id: string | null) => void }) {
  const api = useApi();
  const [text, setText] = useState(() => seed.find((s) => s.id === selected)?.name ?? '');
  const seeded = seed.some((s) => s.name === text);
  const found = useQuery({
    queryKey: ['members', 'pick', text],
    queryFn: async () => unwrap(await api.GET('/api/v1/members', { params: { query: { limit: 10, q: text } } })),
    enabled: text.trim().length >= 2 && !seeded,
    staleTime: 30_000,
  });
  const items: MemberChoice[] = [];
  for (const m of [...seed, ...(found.data?.data ?? []).map((m) => ({ id: m.id, name: `${m.firstName} ${m.lastName}` }))]) if (!items.some((i) => i.id === m.id)) items.push(m);
  return (
    <ComboBox
      aria-label={label}
      items={items}
      selectedKey={selected}
      onSelectionChange={(key) => {
        const id = key === null ? null : String(key);
        onChange(id);
        setText(items.find((i) => i.id === id)?.name ?? '');
      }}
      inputValue={text}
      onInputChange={setText}
      menuTrigger="focus"
      allowsEmptyCollection
      className="relative min-w-48"
    >
      <div className="flex items-center rounded-md border border-slate-300 bg-white focus-within:border-brand focus-within:ring-2 focus-within:ring-brand/30">
        <Input className="w-full rounded-md px-2 py-1 text-sm outline-none" />
        <AriaButton className="px-1 text-slate-600">
          <ChevronDown aria-hidden size={16} />
        </AriaButton>
      </div>
      <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox<MemberChoice> className="max-h-64 overflow-auto p-1 outline-none">
          {(item) => (
            <ListBoxItem id={item.id} textValue={item.name} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold">
              {item.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}
