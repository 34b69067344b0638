import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain line CI reads: "N passed, N failed", and the files that failed
 * outside any test (an import that does not resolve, a hook that throws), which have no tests
 * to count and would otherwise read as "0 failed".
 */
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
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${brokenFiles ? `, ${brokenFiles} file(s) failed outside their tests` : ''}\n`);
  }
}
