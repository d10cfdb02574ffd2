// `npm run bench [-- NAME ...]`: runs the named benchmarks (all by default) and writes bench/results/NAME.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';

type Bench = () => Promise<Record<string, unknown>>;

const BENCHES: Record<string, () => Promise<Bench>> = {
  'api-reads': async () => (await import('./api-reads.js')).runApiReadsBench,
  append: async () => (await import('./today-append.js')).runAppendBench,
  'job-board': async () => (await import('./job-board.js')).runJobBoardBench,
  imports: async () => (await import('./imports.js')).runImportsBench,
  'list-route': async () => (await import('./list-route.js')).runListRouteBench,
  'imports-greenhouse': async () => (await import('./imports-greenhouse.js')).runImportsGreenhouseBench,
  offer: async () => (await import('./offer.js')).runOfferBench,
  pipeline: async () => (await import('./pipeline.js')).runPipelineBench,
  reports: async () => (await import('./reports.js')).runReportsBench,
  startup: async () => (await import('./startup.js')).runStartupBench,
  sourcing: async () => (await import('./sourcing.js')).runSourcingBench,
  sequences: async () => (await import('./sequences.js')).runSequencesBench,
};

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
mkdirSync(resultsDir, { recursive: true });
for (const name of wanted.length ? wanted : Object.keys(BENCHES)) {
  console.log(`== bench ${name} ==`);
  const run = await BENCHES[name]!();
  const result = {
    benchmark: name,
    at: new Date().toISOString(),
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length },
    ...(await run()),
  };
  const file = join(resultsDir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
  console.log(`wrote ${file}`);
}
