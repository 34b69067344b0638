import { useEffect, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { Search } from 'lucide-react';
import { useT } from '../i18n/intl.js';

/**
 * The search box of a list, labelled `Search`. Its text goes to the URL (through `onSearch`) a
 * moment after typing stops, so the list follows as you type and a link shares the search.
 */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const t = useT();
  const [text, setText] = useState(value);
  // The URL changed under the box (back, a link): show its search.
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    setText(value);
  }
  useEffect(() => {
    if (text === value) return;
    const timer = window.setTimeout(() => onSearch(text), 250);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);
  return (
    <SearchField value={text} onChange={setText} onSubmit={() => onSearch(text)} className="flex max-w-sm flex-col">
      <Label className="sr-only">{t('list.search')}</Label>
      <div className="relative">
        <Search aria-hidden size={16} className="pointer-events-none absolute top-2.5 left-2.5 text-slate-400" />
        <Input placeholder={t('list.searchPlaceholder')} className="w-full rounded-md border border-slate-300 bg-white py-1.5 pr-3 pl-8 text-sm outline-none focus:border-brand focus:ring-2 focus:ring-brand/30 [&::-webkit-search-cancel-button]:hidden" />
      </div>
    </SearchField>
  );
}
