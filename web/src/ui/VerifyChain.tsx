import { useState } from 'react';
import { ApiError } from '../api/problem.js';
import { useT } from '../i18n/intl.js';
import { Button } from './Button.js';

/** What walking an audit hash chain found: where it first broke, as the log's readers name entries. */
export type ChainCheck = { valid: true; entries: number } | { valid: false; entries: number; brokenAt: string };

/** Walks an audit log's hash chain on request (the workspace's or the control plane's) and says what it found. */
export function VerifyChain({ check }: { check: () => Promise<ChainCheck> }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ check: ChainCheck } | { error: string } | null>(null);
  async function verify() {
    setBusy(true);
    setResult(null);
    try {
      setResult({ check: await check() });
    } catch (e) {
      setResult({ error: e instanceof ApiError ? (e.problem.detail ?? t('list.failed')) : t('form.networkError') });
    } finally {
      setBusy(false);
    }
  }
  const message = !result
    ? ''
    : 'error' in result
      ? t('chain.verifyFailed', { detail: result.error })
      : result.check.valid
        ? t('chain.valid', { entries: result.check.entries })
        : t('chain.broken', { at: result.check.brokenAt, entries: result.check.entries });
  const broken = result !== null && ('error' in result || !result.check.valid);
  return (
    <div className="space-y-2">
      <Button variant="secondary" onPress={() => void verify()} isDisabled={busy}>{busy ? t('chain.verifying') : t('chain.verify')}</Button>
      <p role="status" className={broken ? 'text-sm font-medium text-red-700' : 'text-sm text-slate-700'}>{message}</p>
    </div>
  );
}
