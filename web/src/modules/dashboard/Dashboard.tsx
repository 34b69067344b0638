import { useT } from '../../i18n/intl.js';
import { Page } from '../../ui/Page.js';
import { useMe } from '../../workspace/me.js';

export function Dashboard() {
  const t = useT();
  const me = useMe();
  return (
    <Page title={t('workspace.home', { name: me.data?.tenant.name ?? '' })}>
      <p className="text-slate-600">{t('workspace.homeText')}</p>
    </Page>
  );
}
