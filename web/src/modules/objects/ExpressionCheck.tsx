import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { unwrap } from '../../api/problem.js';
import { useApi } from '../../api/session.js';
import { useT } from '../../i18n/intl.js';

/** The value after it has stopped changing for `ms`: a check per pause in typing, not per key. */
function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

interface Position {
  start: number;
  end: number;
  line: number;
  column: number;
}

/** The expression with the part an error is about marked. */
function Marked({ source, position }: { source: string; position: Position }) {
  const end = Math.max(position.end, position.start + 1);
  return (
    <code className="block whitespace-pre-wrap break-all rounded bg-slate-50 px-2 py-1 text-xs">
      {source.slice(0, position.start)}
      <mark className="rounded bg-red-100 text-red-900 underline decoration-red-600 decoration-wavy">{source.slice(position.start, end) || ' '}</mark>
      {source.slice(end)}
    </code>
  );
}

/**
 * Live validation of a formula or rule as it is typed: the server checks it against the
 * object's fields (the same check as saving it) and answers its result type, or its errors at
 * their positions, which are shown in the expression.
 */
export function ExpressionCheck({ objectKey, expression, purpose }: { objectKey: string; expression: string; purpose: 'formula' | 'rule' }) {
  const t = useT();
  const api = useApi();
  const source = useDebounced(expression.trim(), 400);
  const check = useQuery({
    queryKey: ['objects', 'check', objectKey, purpose, source],
    enabled: source !== '',
    staleTime: 30_000,
    queryFn: async () => unwrap(await api.POST('/api/v1/objects/definitions/{key}/expressions/check', { params: { path: { key: objectKey } }, body: { expression: source, purpose } })),
  });
  const result = check.data;
  return (
    <div aria-live="polite" className="text-sm" data-testid="expression-check">
      {source === '' || !result ? null : result.ok ? (
        <p className="text-slate-700">
          {t('objects.expression.result', { type: result.type?.description ?? '' })}
          {result.volatile ? <span className="block text-xs text-slate-500">{t('objects.expression.volatile')}</span> : null}
        </p>
      ) : (
        <ul className="space-y-1">
          {result.errors.map((e, i) => (
            <li key={i} className="text-red-700">
              {e.position ? t('objects.expression.errorAt', { line: e.position.line, column: e.position.column, message: e.message }) : e.message}
              {e.position ? <Marked source={source} position={e.position} /> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
