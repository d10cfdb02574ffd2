import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/** Prints how many tests ran on each database, from the `[sqlite]` / `[postgres]` tag in suite names. */
export default class DialectReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts: Record<string, { passed: number; failed: number; skipped: number }> = {
      sqlite: { passed: 0, failed: 0, skipped: 0 },
      postgres: { passed: 0, failed: 0, skipped: 0 },
    };
    let other = 0;
    const total = { passed: 0, failed: 0, skipped: 0 };
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const s = test.result().state;
        if (s === 'passed') total.passed += 1;
        else if (s === 'failed') total.failed += 1;
        else total.skipped += 1;
        const dialect = /\[(sqlite|postgres)\]/.exec(test.fullName)?.[1];
        if (!dialect) {
          other += 1;
          continue;
        }
        const state = test.result().state;
        const bucket = counts[dialect]!;
        if (state === 'passed') bucket.passed += 1;
        else if (state === 'failed') bucket.failed += 1;
        else bucket.skipped += 1;
      }
    }
    // The suite has a time budget (DEVELOPERS.md): name the files that spend it, so the next trim starts there.
    const slowest = testModules
      .map((mod) => ({ file: mod.relativeModuleId, seconds: Math.round(mod.diagnostic().duration / 100) / 10 }))
      .sort((a, b) => b.seconds - a.seconds)
      .slice(0, 10);
    const line = (d: string) => `${d}: ${counts[d]!.passed} passed, ${counts[d]!.failed} failed, ${counts[d]!.skipped} skipped`;
    // scripts/test.mjs adds up the runs and prints the closing line.
    const out = process.env.CLOSER_TEST_COUNTS_FILE;
    if (out) {
      mkdirSync(new URL('../.tmp/', import.meta.url), { recursive: true });
      writeFileSync(out, JSON.stringify({ total, perDialect: counts, slowestFiles: slowest }));
    }
    console.log(`\nSlowest files: ${slowest.map((f) => `${f.file} ${f.seconds} s`).join(', ')}`);
    console.log(`\nTests per database -> ${line('sqlite')} | ${line('postgres')} | not database-bound: ${other}`);
  }
}
