/**
 * The web suite: what a browser sees of the pages, against a tenant of 50,000 members and a
 * 5,000-unit estate. One task (Courtyard serving dist/web, and Chromium driven by
 * playwright-core, as the end-to-end tests do) measures:
 *
 * - the JavaScript (gzip) the sign-in page loads (budget 150 KB) and a signed-in workspace's
 *   first page, the members list with the shell (budget 250 KB), and the dashboard with its charts;
 * - the time from navigation to the first rows of the members table (goal ≤ 1 s);
 * - search as you type on the members list: from the request to the rows shown, p50/p95 over 30
 *   searches (goal p95 ≤ 200 ms), and from the keystroke (with the box's 250 ms debounce);
 * - that a module's pages load when first opened: the JavaScript files fetched before and
 *   after opening Finance (and Members) from the dashboard.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright-core';
import type { Suite, TaskOutcome } from '../lib/types.js';
import { seconds } from '../lib/util.js';
import { seedEstate, type EstateTenant } from './estate.js';
import { seedMembers, type MembersFixture } from './members.js';

const CHROMIUM = '/usr/bin/chromium';
/** The owners' password of bench/suites/members.ts. */
const PASSWORD = 'bench-password-1';
const BUDGET = { signIn: 150 * 1024, shell: 250 * 1024 };
const GOALS = { firstRowsMs: 1000, searchP95Ms: 200 };
const UNITS = 5000;
const SEARCHES = ['lov', 'tur', 'hop', 'dij', 'lis', 'knu', 'ham', 'tho', 'all', 'mcc', 'per', 'wir', 'gol', 'ber', 'lam', 'rit', 'kay', 'bac', 'ada', 'ala', 'gra', 'eds', 'bar', 'don', 'mar', 'ken', 'fra', 'joh', 'rad', 'nik'];

interface WebFixture extends MembersFixture {
  estate: EstateTenant;
  email: string;
}

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const round = (n: number) => Math.round(n * 10) / 10;

/** Every JavaScript file a page fetched, with its gzip size (compressed here, as a server with gzip would send it). */
export function watchScripts(page: Page) {
  const files = new Map<string, number>();
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const url = new URL(response.url());
    if (!url.pathname.endsWith('.js') || files.has(url.pathname)) return;
    files.set(url.pathname, 0);
    pending.push(
      response.body().then(
        (body) => void files.set(url.pathname, gzipSync(body, { level: 9 }).length),
        () => undefined,
      ),
    );
  });
  return {
    async settle() {
      await page.waitForLoadState('networkidle');
      await Promise.all(pending);
    },
    names: () => [...files.keys()],
    bytes: (only?: string[]) => [...files.entries()].filter(([name]) => !only || only.includes(name)).reduce((sum, [, n]) => sum + n, 0),
  };
}

/** In the page: the list's first row matches the search `q`, and the address carries it (the types are spelled out: this file is compiled without the DOM's). */
function rowsShownFor(q: string): boolean {
  type Row = { textContent: string | null };
  const page = globalThis as unknown as { document: { querySelector(s: string): { closest(s: string): Row | null } | null }; location: { href: string } };
  const row = page.document.querySelector('main table tbody tr a[href*="/members/"]')?.closest('tr');
  return Boolean(row?.textContent?.toLowerCase().includes(q)) && new URL(page.location.href).searchParams.get('q') === q;
}

async function signIn(page: Page, f: WebFixture) {
  await page.getByLabel('Email').fill(f.email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^Welcome to / }).waitFor();
}

async function measure(f: WebFixture, baseUrl: string, log: (line: string) => void): Promise<TaskOutcome> {
  const problems: string[] = [];
  const lines: string[] = [];
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
    const home = `/t/${f.estate.slug}/`;

    // 1. The sign-in page, then signed in: the dashboard (its charts load after its figures).
    const first = await context.newPage();
    first.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const scripts = watchScripts(first);
    await first.goto(home);
    await first.getByLabel('Password').waitFor();
    await scripts.settle();
    const signInFiles = scripts.names();
    const signInBytes = scripts.bytes();
    await signIn(first, f);
    await first.locator('[data-testid=chart] .recharts-wrapper').first().waitFor({ timeout: 30_000 }).catch(() => problems.push('the dashboard drew no chart'));
    await scripts.settle();
    const dashboardBytes = scripts.bytes();

    // 2. Modules load when first opened: from the dashboard, open Finance, then Members.
    const beforeFinance = scripts.names();
    await first.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Finance' }).click();
    await first.getByRole('heading', { level: 1, name: 'Finance' }).waitFor();
    await scripts.settle();
    const financeFiles = scripts.names().filter((n) => !beforeFinance.includes(n));
    const beforeMembers = scripts.names();
    await first.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Members' }).click();
    await first.locator('main table tbody tr a[href*="/members/"]').first().waitFor();
    await scripts.settle();
    const membersFiles = scripts.names().filter((n) => !beforeMembers.includes(n));
    if (membersFiles.length === 0) problems.push('opening Members loaded no JavaScript: its pages were loaded before they were opened');
    await first.close();

    // 3. Navigation to the first rows of the members table: a fresh page (the session resumes from the cookie).
    const firstRows: number[] = [];
    let shellBytes = 0;
    for (let i = 0; i < 5; i++) {
      const page = await context.newPage();
      const watch = watchScripts(page);
      const t0 = process.hrtime.bigint();
      await page.goto(`/t/${f.estate.slug}/members`, { waitUntil: 'commit' });
      await page.locator('main table tbody tr a[href*="/members/"]').first().waitFor({ timeout: 30_000 });
      firstRows.push(seconds(t0) * 1000);
      if (i === 0) {
        await watch.settle();
        shellBytes = watch.bytes();
      }
      if (i < 4) await page.close();
      else {
        // 4. Search as you type, on this last page.
        const box = page.getByRole('searchbox', { name: 'Search' });
        const sent = new Map<string, number>();
        page.on('request', (r) => {
          const u = new URL(r.url());
          if (u.pathname.endsWith('/api/v1/members') && u.searchParams.get('q')) sent.set(u.searchParams.get('q')!, performance.now());
        });
        const answer: number[] = [];
        const typed: number[] = [];
        for (const term of SEARCHES) {
          await box.fill('');
          await box.pressSequentially(term, { delay: 30 });
          const typedAt = performance.now();
          await page.waitForFunction(rowsShownFor, term, { timeout: 10_000, polling: 'raf' });
          const shown = performance.now();
          const at = sent.get(term);
          if (at === undefined) problems.push(`no request for q=${term}`);
          else answer.push(shown - at);
          typed.push(shown - typedAt);
        }
        await page.close();
        answer.sort((a, b) => a - b);
        typed.sort((a, b) => a - b);
        const search = { searches: SEARCHES.length, answerMs: { p50: round(quantile(answer, 0.5)), p95: round(quantile(answer, 0.95)), max: round(answer.at(-1) ?? NaN) }, afterLastKeyMs: { p50: round(quantile(typed, 0.5)), p95: round(quantile(typed, 0.95)) } };
        const rows = [...firstRows].sort((a, b) => a - b);
        const summary = {
          jsGzipBytes: { signIn: signInBytes, shellWithMembersList: shellBytes, dashboardWithCharts: dashboardBytes },
          budgets: { signIn: BUDGET.signIn, shellWithMembersList: BUDGET.shell },
          budgetsMet: { signIn: signInBytes <= BUDGET.signIn, shellWithMembersList: shellBytes <= BUDGET.shell },
          signInFiles,
          firstRowsMs: { cold: round(firstRows[0]!), median: round(quantile(rows, 0.5)), all: firstRows.map(round), goal: GOALS.firstRowsMs, met: quantile(rows, 0.5) <= GOALS.firstRowsMs },
          search: { ...search, goalP95Ms: GOALS.searchP95Ms, met: search.answerMs.p95 <= GOALS.searchP95Ms },
          lazyModules: { jsFilesBeforeFinance: beforeFinance.length, loadedOnOpeningFinance: financeFiles, jsFilesBeforeMembers: beforeMembers.length, loadedOnOpeningMembers: membersFiles },
        };
        lines.push(
          `JS gzip: sign-in ${kb(signInBytes)} (budget 150 KB${summary.budgetsMet.signIn ? '' : ', OVER'}), shell + members list ${kb(shellBytes)} (budget 250 KB${summary.budgetsMet.shellWithMembersList ? '' : ', OVER'}), dashboard with charts ${kb(dashboardBytes)}`,
          `first rows of the members table: cold ${summary.firstRowsMs.cold} ms, median of 5 ${summary.firstRowsMs.median} ms (goal ≤ 1000 ms)`,
          `search as you type (${SEARCHES.length} searches): request → rows p50 ${search.answerMs.p50} ms, p95 ${search.answerMs.p95} ms (goal p95 ≤ 200 ms); last key → rows p50 ${search.afterLastKeyMs.p50} ms, p95 ${search.afterLastKeyMs.p95} ms (with the 250 ms debounce)`,
          `lazy modules: ${beforeFinance.length} JS files before opening Finance, ${financeFiles.length} more on opening it (${financeFiles.join(', ') || 'none: its pages are a placeholder without a chunk'}); ${membersFiles.length} more on opening Members (${membersFiles.join(', ')})`,
        );
        log(`    ${lines[0]}`);
        return { valid: problems.length === 0, summary, lines, problems };
      }
    }
    throw new Error('unreachable');
  } finally {
    await browser.close();
  }
}

async function seed(env: Parameters<Suite['seed']>[0]): Promise<WebFixture> {
  if (!existsSync(CHROMIUM)) throw new Error(`the web suite drives Debian's Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  // The pages as they are built from this tree.
  execFileSync(process.execPath, [fileURLToPath(new URL('../../scripts/web.mjs', import.meta.url)), 'ensure'], { stdio: 'inherit' });
  let estate: EstateTenant | undefined;
  const timings: Record<string, number> = {};
  const members = await seedMembers(env, {
    extend: async (p, f) => {
      const t0 = process.hrtime.bigint();
      estate = await seedEstate(p, f.tenants[0]!, UNITS);
      timings.estateSeconds = seconds(t0);
      env.log(`  seeded an estate of ${UNITS} units (${JSON.stringify(estate.byStatus)})`);
    },
  });
  return { ...members, seeding: { ...members.seeding, ...timings }, estate: estate!, email: `owner@${estate!.slug}.example` };
}

export const webSuite: Suite<WebFixture> = {
  name: 'web',
  description: 'The pages in Chromium: JavaScript budgets, first rows of the members list, search as you type, modules loaded when opened',
  seed,
  describeFixture: (f) => ({ tenant: f.estate.slug, members: f.estate.members.length, units: f.estate.units, browser: CHROMIUM }),
  scenarios: [],
  tasks: [{ id: 'a', key: 'web.browser', title: 'Chromium against the workspace of a tenant with 50,000 members and 5,000 units', server: { kind: 'platform' }, run: (f, env) => measure(f, env.baseUrl, env.log) }],
  ratios: [],
  defaults: { tenants: 1, serviceTenants: 1, membersPerTenant: 50_000 },
};
