import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain line CI reads: "N passed, N failed", and the files that failed
 * outside any test (an import that does not resolve, a hook that throws), which have no tests
 * to count and would otherwise read as "0 failed". Before it, the slowest files: CI has a time
 * budget, and this is where to look when it is overrun.
 */
const SLOWEST = 15;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    let brokenFiles = 0;
    for (const m of modules) {
      if (m.state() === 'failed' && ![...m.children.allTests()].some((t) => t.result().state === 'failed')) brokenFiles++;
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const slowest = modules
      .map((m) => ({ file: m.moduleId.replace(`${process.cwd()}/`, ''), ms: m.diagnostic().duration + m.diagnostic().collectDuration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST);
    if (modules.length > SLOWEST) process.stdout.write(`\nSlowest files:\n${slowest.map((s) => `  ${(s.ms / 1000).toFixed(1).padStart(6)} s  ${s.file}`).join('\n')}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${brokenFiles ? `, ${brokenFiles} file(s) failed outside their tests` : ''}\n`);
  }
}
