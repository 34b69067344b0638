import { Button as AriaButton, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';

/**
 * A list's filter (react-aria's Select, outside any form): its value lives in the URL, so the
 * page passes it in and navigates on change. `''` is the "all" option.
 */
export function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: { id: string; label: string }[]; onChange: (value: string) => void }) {
  return (
    <Select selectedKey={value} onSelectionChange={(key) => onChange(String(key))} className="flex max-w-xs flex-col">
      <Label className="text-sm font-medium text-slate-700">{label}</Label>
      <AriaButton className="mt-1 flex items-center justify-between gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left text-sm outline-none focus-visible:border-brand focus-visible:ring-2 focus-visible:ring-brand/30">
        <SelectValue />
        <ChevronDown aria-hidden size={16} />
      </AriaButton>
      <Popover className="min-w-(--trigger-width) rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox className="max-h-64 overflow-auto p-1 outline-none">
          {options.map((o) => (
            <ListBoxItem key={o.id} id={o.id} className="cursor-default rounded px-2 py-1 text-sm outline-none data-[focused]:bg-slate-100 data-[selected]:font-semibold">
              {o.label}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
