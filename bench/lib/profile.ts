import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';

interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  /** Sampled wall time, ms (idle included). */
  totalMs: number;
  /** Sampled time not idle, ms. */
  busyMs: number;
  /** Self time by area (src/<file>, a package, node internals, GC), share of busy time. */
  byArea: { area: string; ms: number; share: number }[];
  /** Self time by function, share of busy time. */
  byFunction: { fn: string; ms: number; share: number }[];
  /** Inclusive time of frames from the project's own source (src/), share of busy time. */
  inclusiveSrc: { fn: string; ms: number; share: number }[];
  /** Busy time by what the request was doing (see `stageOf`), share of busy time. */
  byStage: { stage: string; ms: number; share: number }[];
}

type Frame = { functionName: string; url: string };

/**
 * What a sample was doing, from its stack (leaf first). The first rule that matches wins, so
 * a socket write under pg counts as "write to PostgreSQL", not as Kysely that called it.
 */
export function stageOf(stack: Frame[]): string {
  const leaf = stack[0]!.functionName;
  const has = (url: string, fn?: string) => stack.some((f) => f.url.includes(url) && (fn === undefined || f.functionName === fn));
  const hasFn = (fn: string) => stack.some((f) => f.functionName === fn);
  if (leaf === '(garbage collector)') return 'GC';
  if (leaf === '(program)') return 'V8/native, unattributed';
  if (['writev', 'writeBuffer', 'writeUtf8String', 'writeLatin1String'].includes(leaf)) {
    if (has('/pg/lib/')) return 'syscall: write to PostgreSQL';
    if (has('_http_outgoing')) return 'syscall: write HTTP response';
    return 'syscall: other write';
  }
  if (has('/pg-protocol/') || has('/pg/lib/result') || has('/postgres-date/') || has('/pg-types/')) return 'pg: parse replies and rows';
  if (hasFn('verifyAccess')) return 'pipeline: authenticate (JWT)';
  if (hasFn('resolveTenant')) return 'pipeline: resolve tenant (registry)';
  if (hasFn('permissionsOf')) return 'pipeline: permission gate (role cache)';
  if (has('/security/licence')) return 'pipeline: licence gate';
  if (has('/pino/')) return 'logging (pino)';
  if (has('/prom-client/') || has('/observability/metrics')) return 'metrics (prom-client)';
  if (has('/uuidv7/') || has('/kernel/ids')) return 'ids (uuidv7)';
  if (has('/pg/lib/') || has('/pg-pool/')) return 'pg: client and pool';
  if (has('/kysely/')) return 'kysely: build, compile, execute';
  if (has('/fast-json-stringify/') || hasFn('serialize')) return 'fastify: serialise response';
  if (has('/ajv/') || has('/fast-uri/')) return 'fastify: validate';
  if (has('/find-my-way/')) return 'fastify: route';
  if (has('_http_server') || has('_http_common') || has('_http_incoming') || has('_http_outgoing')) return 'node http';
  if (has('/fastify/') || has('/avvio/')) return 'fastify: hooks, reply, other';
  if (has('/src/data/pipeline')) return 'pipeline: hooks and handler wrapper';
  if (has('/src/kernel/db/')) return 'src: tenant transaction';
  if (has('/src/')) return 'src: other';
  if (hasFn('runMicrotasks') || hasFn('processTicksAndRejections')) return 'promises, ticks';
  return 'other';
}

const root = process.cwd();

function areaOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (path.startsWith('node:')) return `node:${path.slice(5).split('/')[0]}`;
  if (path.startsWith('/')) return relative(root, path);
  return path;
}

/** Reads a V8 .cpuprofile (from --cpu-prof) and sums self and inclusive time. */
export async function summariseProfile(file: string, top = 25): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    // timeDeltas[i] is the time before sample i; attribute the next delta to this sample.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + dt);
  }

  const stage = new Map<string, number>();
  const stackOf = (id: number): Frame[] => {
    const out: Frame[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) out.push(byId.get(cur)!.callFrame);
    return out;
  };
  const area = new Map<string, number>();
  const fns = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    total += us;
    if (functionName === '(idle)') {
      idle += us;
      continue;
    }
    const st = stageOf(stackOf(id));
    stage.set(st, (stage.get(st) ?? 0) + us);
    const a = areaOf(url, functionName);
    area.set(a, (area.get(a) ?? 0) + us);
    const fnKey = `${functionName || '(anonymous)'} ${a}:${lineNumber + 1}`;
    fns.set(fnKey, (fns.get(fnKey) ?? 0) + us);
    // Inclusive time of src/ frames: walk up the stack once per distinct frame.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!f.url.includes('/src/') || f.url.includes('/node_modules/')) continue;
      const k = `${f.functionName || '(anonymous)'} ${areaOf(f.url, f.functionName)}:${f.lineNumber + 1}`;
      if (seen.has(k)) continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + us);
    }
  }
  const busy = total - idle;
  const rank = (m: Map<string, number>, key: 'area' | 'fn' | 'stage') =>
    [...m.entries()]
      .sort((x, y) => y[1] - x[1])
      .slice(0, top)
      .map(([k, us]) => ({ [key]: k, ms: Math.round(us / 100) / 10, share: Math.round((us / busy) * 1000) / 1000 }));
  return {
    file: relative(root, file),
    totalMs: Math.round(total / 1000),
    busyMs: Math.round(busy / 1000),
    byArea: rank(area, 'area') as ProfileSummary['byArea'],
    byFunction: rank(fns, 'fn') as ProfileSummary['byFunction'],
    inclusiveSrc: rank(inclusive, 'fn') as ProfileSummary['inclusiveSrc'],
    byStage: rank(stage, 'stage') as ProfileSummary['byStage'],
  };
}
