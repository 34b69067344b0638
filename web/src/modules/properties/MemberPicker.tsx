import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { operations } from '@courtyard/sdk';
import { Button as AriaButton, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Text } from 'react-aria-components';
import { Controller, type Control, type FieldValues, type Path, type RegisterOptions } from 'react-hook-form';
import { ChevronDown } from 'lucide-react';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';

export type MemberSummary = operations['members.list']['responses'][200]['content']['application/json']['data'][number];
export const memberName = (m: { firstName: string; lastName: string }) => `${m.firstName} ${m.lastName}`;

/**
 * Finds a member as you type (the members list's search, on the server) and picks one
 * (react-aria's ComboBox: arrow keys, Enter, Escape). With `clearOnPick` the box empties after
 * each pick, to add several (a lease's renters).
 */
export function MemberPicker({ label, onPick, excluded = [], clearOnPick, isInvalid, errorMessage, description, inputRef, onBlur }: {
  label: string;
  onPick: (member: MemberSummary | null) => void;
  excluded?: string[];
  clearOnPick?: boolean;
  isInvalid?: boolean;
  errorMessage?: string;
  description?: string;
  inputRef?: React.Ref<HTMLInputElement>;
  onBlur?: () => void;
}) {
  const t = useT();
  const api = useApi();
  const [text, setText] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  // After a pick with clearOnPick, a fresh box (a new key) takes the focus: emptying the box in
  // place would reopen its list, which hides the rest of the page from assistive technology.
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(text), 200);
    return () => window.clearTimeout(timer);
  }, [text]);
  const members = useQuery({
    queryKey: ['members', { q: query, picker: true }],
    queryFn: async () => unwrap(await api.GET('/api/v1/members', { params: { query: { limit: 20, ...(query.trim() ? { q: query.trim() } : {}) } } })),
  });
  const items = (members.data?.data ?? []).filter((m) => !excluded.includes(m.id));
  return (
    <ComboBox
      key={generation}
      items={items}
      inputValue={text}
      onInputChange={setText}
      selectedKey={clearOnPick ? null : selected}
      onSelectionChange={(key) => {
        const member = key === null ? null : items.find((m) => m.id === key) ?? null;
        if (clearOnPick) {
          if (member) {
            onPick(member);
            setText('');
            setQuery('');
            setGeneration((g) => g + 1);
          }
          return;
        }
        setSelected(member ? member.id : null);
        onPick(member);
      }}
      onBlur={onBlur}
      menuTrigger="input"
      isInvalid={isInvalid}
      allowsEmptyCollection
      className="block"
    >
      <Label className="text-sm font-medium text-slate-700">{label}</Label>
      <div className="relative mt-1">
        <Input ref={inputRef} autoFocus={generation > 0} className="block w-full rounded-md border border-slate-300 bg-white py-1.5 pr-8 pl-3 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30 data-[invalid]:border-red-600" />
        <AriaButton aria-label={t('properties.picker.show')} className="absolute top-1.5 right-1.5 rounded text-slate-500 outline-none focus-visible:ring-2 focus-visible:ring-brand">
          <ChevronDown aria-hidden size={16} />
        </AriaButton>
      </div>
      {description ? <Text slot="description" className="mt-1 block text-xs text-slate-500">{description}</Text> : null}
      <FieldError className="mt-1 block text-sm text-red-700">{errorMessage}</FieldError>
      <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox<MemberSummary> className="max-h-64 overflow-auto p-1 outline-none" renderEmptyState={() => <p className="px-2 py-1 text-sm text-slate-500">{members.isLoading ? t('list.loading') : t('properties.picker.none')}</p>}>
          {(m) => (
            <ListBoxItem id={m.id} textValue={memberName(m)} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold">
              {memberName(m)} {m.email ? <span className="text-slate-500">{m.email}</span> : null}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

/** The picker bound to a form field holding the member's id ('' while none is picked). */
export function MemberField<T extends FieldValues>({ control, name, label, rules, description }: { control: Control<T>; name: Path<T>; label: string; rules?: RegisterOptions<T, Path<T>>; description?: string }) {
  return (
    <Controller
      control={control}
      name={name}
      rules={rules}
      render={({ field, fieldState }) => (
        <MemberPicker
          label={label}
          inputRef={field.ref}
          onBlur={field.onBlur}
          onPick={(m) => field.onChange(m ? m.id : '')}
          isInvalid={fieldState.invalid}
          errorMessage={fieldState.error?.type === 'server' ? `${label} ${fieldState.error.message ?? ''}` : fieldState.error?.message}
          description={description}
        />
      )}
    />
  );
}
