// Profiling aid for Today and the board (not a benchmark): seeds a SQLite file once (BENCH_PROFILE_APPS applications
// of 100 events, as bench/pipeline.ts does) and keeps it, then times GET /api/v1/today and one board. Run with
// `node --cpu-prof --import tsx bench/today-profile.ts`. BENCH_PROFILE_DB names the file (default in the temp dir).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.js';
import { PipelineSettingsResolver } from '../src/server/services/pipeline-views.js';
import { rebuildProjections } from '../src/server/services/projections.js';
import { getCompany, listUsers, openDatabase } from '../src/storage/index.js';
import { BENCH_NOW as NOW, benchOwnerToken, insertBenchRoles } from './fixtures.js';
import { seed } from './pipeline.js';

const APPS = Number(process.env.BENCH_PROFILE_APPS ?? 10_000);
const file = process.env.BENCH_PROFILE_DB ?? join(tmpdir(), `closer-today-profile-${APPS}.db`);
const fresh = !existsSync(file);
const store = await openDatabase({ url: `sqlite:${file}`, unsafeNoSync: true });
const app = await buildApp({ db: store, clock: () => NOW, config: { secureCookies: false } });
let token: string;
if (fresh) {
  token = await benchOwnerToken(app);
  const owner = (await listUsers(store.db))[0]!.id;
  const roleIds = await insertBenchRoles(store.db, 10, owner);
  const t0 = performance.now();
  await seed(store, 0, APPS, { owner, interviewer: owner, approver: owner }, roleIds, new PipelineSettingsResolver(await getCompany(store.db)));
  await sql`analyze`.execute(store.db);
  writeFileSync(`${file}.token`, token);
  console.log(`seeded ${APPS} in ${Math.round(performance.now() - t0)} ms`);
} else token = readFileSync(`${file}.token`, 'utf8');
// A file seeded before migration 016 has rows without read_state, and migration 017 empties the read model: rebuild once.
const lacking = await sql<{ n: number }>`select (select count(*) from application_projections where read_state is null) + (select count(*) from applications) - (select count(*) from application_projections) as n`.execute(store.db);
if (Number(lacking.rows[0]!.n) > 0) console.log('rebuilt', await rebuildProjections(store, NOW));
const runs = Number(process.env.BENCH_RUNS ?? 3);
for (const url of (process.env.BENCH_PROFILE_URLS ?? '/api/v1/today,/api/v1/today?scope=all,/api/v1/roles/role-000000/board').split(',')) {
  const times: number[] = [];
  const cpu: number[] = [];
  let body = '';
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const c1 = process.cpuUsage(c0);
    times.push(Math.round(performance.now() - t0));
    cpu.push(Math.round((c1.user + c1.system) / 1000));
    if (res.statusCode !== 200) throw new Error(`${url} -> ${res.statusCode} ${res.body.slice(0, 300)}`);
    body = res.body;
  }
  console.log(`${url}: ${times.join(' / ')} ms wall, ${cpu.join(' / ')} ms CPU, ${Math.round(body.length / 1024)} kB`);
  if (process.env.BENCH_PROFILE_SAVE) writeFileSync(`${process.env.BENCH_PROFILE_SAVE}-${url.replace(/\W+/g, '_')}.json`, body);
}
await app.close();
await store.close();
