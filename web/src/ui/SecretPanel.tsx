import { useState } from 'react';
import { TriangleAlert } from 'lucide-react';
import { useT } from '../i18n/intl.js';
import { Button } from './Button.js';

/**
 * A secret shown this once (a signing secret, or an API key as `labels` say): a warning that it
 * cannot be shown again, the secret in a read-only field (selectable), a Copy button, and a
 * button that dismisses the panel.
 */
export function SecretPanel({ secret, onDismiss, dismissLabel, labels }: { secret: string; onDismiss: () => void; dismissLabel?: string; labels?: { title: string; warning: string; field: string } }) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }
  return (
    <section aria-labelledby="secret-title" className="max-w-2xl space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="secret-title" className="flex items-center gap-2 text-lg font-semibold text-amber-900">
        <TriangleAlert aria-hidden size={18} />
        {labels?.title ?? t('webhooks.secret.title')}
      </h2>
      <p className="text-sm text-amber-900">{labels?.warning ?? t('webhooks.secret.warning')}</p>
      <label className="block text-sm font-medium text-slate-700">
        {labels?.field ?? t('webhooks.secret')}
        <input readOnly value={secret} data-testid="webhook-secret" onFocus={(e) => e.currentTarget.select()} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm" />
      </label>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onPress={() => void copy()}>{t('webhooks.secret.copy')}</Button>
        <Button onPress={onDismiss}>{dismissLabel ?? t('webhooks.secret.dismiss')}</Button>
        <span role="status" className="text-sm text-slate-700">{copied === 'yes' ? t('webhooks.secret.copied') : copied === 'no' ? t('webhooks.secret.copyFailed') : ''}</span>
      </div>
    </section>
  );
}
