import { Button as AriaButton, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';
import { LOCALES, useLocale, useT } from '../i18n/intl.js';

/**
 * The language of the pages: every catalogue shipped. `onChange` keeps the choice beyond this
 * browser (the workspace saves it as the user's `locale`, which mail and problem details follow).
 */
export function LocaleSwitch({ onChange }: { onChange?: (locale: string) => void }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const choose = (key: string) => {
    if (key === locale) return;
    setLocale(key);
    onChange?.(key);
  };
  return (
    <Select selectedKey={locale} onSelectionChange={(key) => choose(String(key))} className="flex items-center gap-2 text-sm">
      <Label className="text-slate-600">{t('shell.language')}</Label>
      <AriaButton className="rounded-md px-2 py-1 ring-1 ring-slate-300 outline-none focus-visible:ring-2 focus-visible:ring-brand">
        <SelectValue />
      </AriaButton>
      <Popover className="rounded-md border border-slate-200 bg-white shadow-lg">
        <ListBox className="p-1 outline-none">
          {Object.entries(LOCALES).map(([id, l]) => (
            <ListBoxItem key={id} id={id} className="rounded px-2 py-1 outline-none data-[focused]:bg-slate-100">
              {l.name}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
