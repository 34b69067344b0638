import type { ProfileSummary } from './profile.js';
import type { Ratio, ScenarioResult, TaskResult } from './types.js';

export interface RatioResult extends Ratio {
  value: number | null;
  /** Whether the target (or the stretch, when only a stretch is given) is met. */
  met: boolean | null;
}

export function computeRatios(ratios: Ratio[], results: ScenarioResult[]): RatioResult[] {
  const byId = new Map(results.map((r) => [r.id, r]));
  return ratios.map((ratio) => {
    const n = byId.get(ratio.numerator);
    const d = byId.get(ratio.denominator);
    const of = (r: ScenarioResult) => (ratio.metric === 'p99' ? r.latencyMs.p99 : ratio.metric === 'p50' ? r.latencyMs.p50 : r.requestsPerSecond);
    const value = n && d && n.valid && d.valid && of(d) > 0 ? Math.round((of(n) / of(d)) * 1000) / 1000 : null;
    const goal = ratio.target ?? ratio.stretch;
    return { ...ratio, value, met: value === null || goal === undefined ? null : lowerIsBetter(ratio) ? value <= goal : value >= goal };
  });
}

/** A latency ratio meets its goal from below; a throughput ratio from above. */
const lowerIsBetter = (ratio: Ratio) => ratio.metric === 'p50' || ratio.metric === 'p99';

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

export function table(headers: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, rightAligned[i])).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const fmt = (n: number | undefined | null, digits = 2) => (n === undefined || n === null ? '—' : n.toFixed(digits));

export function formatResults(results: ScenarioResult[], ratios: RatioResult[]): string {
  const rows = results.map((r) => [
    `(${r.id})`,
    r.title,
    r.error ? 'failed' : `${fmt(r.requestsPerSecond, 0)}${r.rate ? ` (paced ${r.rate})` : ''}`,
    fmt(r.latencyMs.p50),
    fmt(r.latencyMs.p99),
    String(r.errors + r.timeouts),
    String(r.non2xx),
    r.serverCpuSeconds !== undefined && r.requests > 0 ? fmt((r.serverCpuSeconds / r.requests) * 1e6, 0) : '—',
    r.resources && r.requests > 0 ? `${fmt((r.resources.serverUser / r.requests) * 1e6, 0)} / ${fmt((r.resources.serverSystem / r.requests) * 1e6, 0)}` : '—',
    r.valid ? 'ok' : 'INVALID',
  ]);
  const out = [
    table(['', 'scenario', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx', 'srv CPU µs/req', 'user / kernel', ''], rows, [false, false, true, true, true, true, true, true, true, false]),
    '',
  ];
  for (const r of ratios) {
    const op = lowerIsBetter(r) ? '<=' : '>=';
    const goal = r.target !== undefined ? `target ${op} ${r.target}` : r.stretch !== undefined ? `stretch ${op} ${r.stretch}` : '';
    const verdict = r.met === null ? '' : r.met ? 'met' : 'not met';
    out.push(`${pad(r.name, 8)} ${pad(r.value === null ? 'n/a' : r.value.toFixed(3), 6, true)}   ${goal}${verdict ? ` — ${verdict}` : ''}`);
  }
  return out.join('\n');
}

export function formatTasks(tasks: TaskResult[]): string {
  return [
    'task                                                       seconds  server RSS before  server peak RSS  valid',
    ...tasks.map((r) => `(${r.id})  ${r.title.padEnd(52).slice(0, 52)}  ${String(r.seconds).padStart(7)}  ${String(r.serverRssBeforeMb ?? '?').padStart(13)} MiB  ${String(r.serverPeakRssMb ?? '?').padStart(11)} MiB  ${r.valid ? 'ok' : 'INVALID'}`),
  ].join('\n');
}

/** Where a profiled server's time went, after a blank line. */
export function formatProfile(p: ProfileSummary, results: ScenarioResult[]): string[] {
  const r = results.find((x) => x.profile && p.file.endsWith(x.profile.split('/').pop()!));
  // The profile samples the event loop only: scale its shares by the event loop's CPU time.
  const perRequest = r?.resources?.serverMainThread && r.requests ? (r.resources.serverMainThread / r.requests) * 1e6 : null;
  return [
    '',
    `CPU profile ${p.file}: ${p.busyMs} ms busy of ${p.totalMs} ms sampled${perRequest ? `; event loop ${perRequest.toFixed(0)} µs CPU per request` : ''}`,
    '  busy time by stage:',
    ...p.byStage.map((s) => `    ${(s.share * 100).toFixed(1).padStart(5)}%${perRequest ? ` ${(s.share * perRequest).toFixed(1).padStart(7)} µs/req` : ''}  ${s.stage}`),
    '  self time by area:',
    ...p.byArea.slice(0, 12).map((a) => `    ${(a.share * 100).toFixed(1).padStart(5)}%  ${a.area}`),
    '  inclusive time of src/ functions:',
    ...p.inclusiveSrc.slice(0, 12).map((f) => `    ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.fn}`),
  ];
}
