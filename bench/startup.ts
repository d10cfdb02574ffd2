// Start-up and memory of the production server, the way a user runs it. `npm start` on an existing database
// (the demo workspace, made by a first start that is not measured) until the first 200 on /healthz; the same
// with `node scripts/start.mjs` (without npm's own start-up); then resident memory (RSS from /proc) of the
// server process and of the whole process tree that `npm start` leaves running, idle and after the demo
// workspace is browsed: every GET the web app's main pages make, for every role, candidate and application.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { freePort } from '../src/test-support/embedded-postgres.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface Started {
  child: ChildProcess;
  base: string;
  ms: number;
  /** CPU time (user + system) every process of the group had used by the first 200: steadier than `ms` on a busy machine. */
  cpuMs: number;
}

/** Starts a command in its own process group and polls /healthz every 5 ms until it answers 200. */
async function start(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Started> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (performance.now() - t0 > 120_000) throw new Error(`${command} ${args.join(' ')}: no 200 on /healthz within 120 s`);
    await new Promise((r) => setTimeout(r, 5));
  }
  const ms = Math.round(performance.now() - t0);
  return { child, base, ms, cpuMs: groupPids(child.pid!).reduce((n, pid) => n + cpuMs(pid), 0) };
}

/** Stops the process group started above (npm, the start script and the server). */
async function stop(s: Started): Promise<void> {
  const exited = new Promise((ok) => (s.child.exitCode !== null ? ok(undefined) : s.child.once('exit', ok)));
  try {
    process.kill(-s.child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await exited;
  // The server may outlive its parent for a moment; wait until the group is empty.
  for (let i = 0; i < 200 && groupPids(s.child.pid!).length > 0; i++) await new Promise((r) => setTimeout(r, 25));
}

function stat(pid: number): { ppid: number; pgrp: number; cpuMs: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    // utime + stime, in clock ticks of 1/100 s (USER_HZ)
    return { ppid: Number(f[1]), pgrp: Number(f[2]), cpuMs: (Number(f[11]) + Number(f[12])) * 10 };
  } catch {
    return undefined;
  }
}

function cpuMs(pid: number): number {
  return stat(pid)?.cpuMs ?? 0;
}

function groupPids(pgrp: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => stat(pid)?.pgrp === pgrp);
}

function rssMb(pid: number, field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Math.round((Number(m?.[1] ?? 0) / 1024) * 10) / 10;
}

function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
}

/** The processes `npm start` keeps running, and which one serves (the last process started in the group). */
function tree(s: Started): { server: number; all: Array<{ pid: number; command: string; rssMb: number }> } {
  const pids = groupPids(s.child.pid!).sort((a, b) => a - b);
  return { server: pids[pids.length - 1]!, all: pids.map((pid) => ({ pid, command: commandLine(pid).slice(0, 120), rssMb: rssMb(pid) })) };
}

/** Every GET the main pages make (Today, roles, board, candidates, candidate record, application, settings, audit). */
async function browse(base: string, cookie: string): Promise<{ requests: number; statuses: Record<string, number> }> {
  const statuses: Record<string, number> = {};
  let requests = 0;
  const get = async (path: string) => {
    const res = await fetch(`${base}${path}`, { headers: { cookie } });
    requests += 1;
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    if (res.status >= 500) throw new Error(`${path} -> ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    return type.includes('json') ? ((await res.json()) as Record<string, unknown>) : (await res.text(), {});
  };
  const page = await fetch(`${base}/`).then((r) => r.text());
  for (const asset of page.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) await get(asset[1]!);
  for (const path of ['/session', '/setup/status', '/company', '/today', '/roles', '/people', '/users', '/notifications', '/candidates', '/applications', '/pipeline/settings', '/approvals/settings', '/audit?limit=50', '/audit/facets', '/tokens', '/offer-drafts']) {
    await get(`/api/v1${path}`);
  }
  const roles = ((await get('/api/v1/roles')).items ?? []) as Array<{ id: string }>;
  for (const r of roles) for (const sub of ['', '/board', '/source-mix', '/bands', '/scorecard-template']) await get(`/api/v1/roles/${r.id}${sub}`);
  const candidates = ((await get('/api/v1/candidates')).items ?? []) as Array<{ id: string }>;
  for (const c of candidates) for (const sub of ['', '/files']) await get(`/api/v1/candidates/${c.id}${sub}`);
  const applications = ((await get('/api/v1/applications')).items ?? []) as Array<{ id: string }>;
  for (const a of applications) for (const sub of ['', '/events', '/interviews', '/next-step', '/offer-draft']) await get(`/api/v1/applications/${a.id}${sub}`);
  // The Today list and a board once more, as a user comes back to them.
  await get('/api/v1/today');
  if (roles[0]) await get(`/api/v1/roles/${roles[0].id}/board`);
  return { requests, statuses };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runStartupBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-bench-start-'));
  const env = { CLOSER_DB: join(dir, 'closer.db') };
  try {
    // First start (not measured): builds what is missing, creates and migrates the database, sets up the demo.
    const first = await start('npm', ['start', '--silent'], env);
    const demo = await fetch(`${first.base}/api/v1/setup/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (demo.status !== 201 && demo.status !== 200) throw new Error(`demo setup -> ${demo.status}: ${await demo.text()}`);
    const cookie = demo.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    await stop(first);

    const npmMs: number[] = [];
    const nodeMs: number[] = [];
    const npmCpuMs: number[] = [];
    const nodeCpuMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      for (const [command, args, into, cpuInto] of [['npm', ['start', '--silent'], npmMs, npmCpuMs], [process.execPath, ['scripts/start.mjs'], nodeMs, nodeCpuMs]] as const) {
        const s = await start(command, [...args], env);
        into.push(s.ms);
        cpuInto.push(s.cpuMs);
        await stop(s);
      }
    }
    console.log(`npm start to the first 200 on /healthz: ${median(npmMs)} ms, ${median(npmCpuMs)} ms CPU (runs ${npmMs.join(', ')}); node scripts/start.mjs: ${median(nodeMs)} ms, ${median(nodeCpuMs)} ms CPU`);

    const s = await start('npm', ['start', '--silent'], env);
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = tree(s);
    const browsed = await browse(s.base, cookie);
    await new Promise((r) => setTimeout(r, 1_000));
    const after = tree(s);
    const memory = {
      serverIdleMb: rssMb(idle.server),
      serverAfterBrowsingMb: rssMb(after.server),
      serverPeakMb: rssMb(after.server, 'VmHWM'),
      treeIdleMb: Math.round(idle.all.reduce((n, p) => n + p.rssMb, 0)),
      treeAfterBrowsingMb: Math.round(after.all.reduce((n, p) => n + p.rssMb, 0)),
      processes: after.all,
      browsing: browsed,
    };
    console.log(`server RSS idle ${memory.serverIdleMb} MB, after browsing ${memory.serverAfterBrowsingMb} MB (peak ${memory.serverPeakMb} MB); with npm and wrappers ${memory.treeIdleMb} / ${memory.treeAfterBrowsingMb} MB`);
    await stop(s);
    return {
      note: `npm start (and node scripts/start.mjs) on an existing SQLite database with the demo workspace, from spawn to the first 200 on /healthz, median of ${RUNS}; startCpuMs: CPU time of the whole process group by then (from /proc); RSS from /proc/<pid>/status. loadAverage: of the machine at the end (1, 5, 15 min).`,
      compiledServer: existsSync(join(root, 'dist/server')),
      startMs: { npmStart: median(npmMs), nodeStartScript: median(nodeMs), npmRuns: npmMs, nodeRuns: nodeMs },
      startCpuMs: { npmStart: median(npmCpuMs), nodeStartScript: median(nodeCpuMs), npmRuns: npmCpuMs, nodeRuns: nodeCpuMs },
      loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
      memory,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
