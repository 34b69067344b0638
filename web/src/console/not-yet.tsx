import { createRoute } from '@tanstack/react-router';
import { useT, type MessageId } from '../i18n/intl.js';
import { NotYet } from '../ui/Page.js';
import { consoleRoot } from './root.js';

/** A console page not built yet: listed in docs/web.md under "Not yet". */
export function notYetRoute(path: string, title: MessageId) {
  function Placeholder() {
    const t = useT();
    return <NotYet title={t(title)} text={t('page.notYet')} />;
  }
  return createRoute({ getParentRoute: () => consoleRoot, path, component: Placeholder });
}
