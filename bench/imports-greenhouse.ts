// `npm run bench -- imports-greenhouse`: writes a Greenhouse Harvest v3 export shaped like a real one (50,000
// candidates, 50,000 applications, 300,000 application_stages, paginated folders) to a temp folder, then reads it with
// the Greenhouse parser from disk, streamed, and reports the parse time and peak memory.
import { createReadStream, mkdtempSync, mkdirSync, rmSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { ImportFile } from '../src/domain/imports/canonical.js';
import { parseGreenhouse } from '../src/domain/imports/greenhouse.js';

export interface GreenhouseShape {
  candidates: number;
  /** Stage changes per application (one application per candidate). */
  stagesPerApplication: number;
  jobs: number;
  pageSize: number;
}

export const BENCH_SHAPE: GreenhouseShape = { candidates: 50_000, stagesPerApplication: 6, jobs: 20, pageSize: 10_000 };

const DAY = 86_400_000;
const START = Date.parse('2025-01-06T09:00:00.000Z');
const FIRST = ['Zoë', 'Mateus', 'Aiko', 'Kwame', 'Ingrid', 'Ana', 'Søren', 'Li', 'Amara', 'Jonas'];
const LAST = ['Müller', 'Conceição', '山田', 'Mensah', 'Ødegaard', 'Peña', 'Kierkegård', 'Na', 'Ndiaye', 'Weiß'];

function writePages(dir: string, resource: string, total: number, pageSize: number, record: (i: number) => unknown): void {
  mkdirSync(join(dir, resource), { recursive: true });
  for (let page = 0; page * pageSize < total; page++) {
    const lines: string[] = [];
    for (let i = page * pageSize; i < Math.min(total, (page + 1) * pageSize); i++) lines.push(JSON.stringify(record(i)));
    writeFileSync(join(dir, resource, `page-${String(page + 1).padStart(4, '0')}.json`), `[\n${lines.join(',\n')}\n]\n`);
  }
}

/** Writes a Harvest v3 export of the given shape into `dir`; returns the number of stage changes written. */
export function writeGreenhouseExport(dir: string, shape: GreenhouseShape = BENCH_SHAPE): { stageChanges: number } {
  const stagesPerJob = shape.stagesPerApplication;
  writeFileSync(join(dir, 'users.json'), JSON.stringify([{ id: 1, first_name: 'Mira', last_name: 'Okafor', primary_email: 'mira@acme.test', deactivated: false, site_admin: true, office_ids: [], department_ids: [] }]));
  writeFileSync(join(dir, 'sources.json'), JSON.stringify([{ id: 1, name: 'LinkedIn', type: { id: 1, name: 'Social media' } }, { id: 2, name: 'Referral', type: { id: 2, name: 'Referrals' } }]));
  writeFileSync(join(dir, 'rejection_reasons.json'), JSON.stringify([{ id: 1, name: 'Lacking skill(s)', type: { id: 1, key: 'we_rejected', name: 'We rejected them' } }]));
  writeFileSync(join(dir, 'jobs.json'), JSON.stringify(Array.from({ length: shape.jobs }, (_, j) => ({ id: 100 + j, name: `ML Engineer ${j + 1}`, requisition_id: `R-${j}`, confidential: false, status: 'open', opened_at: new Date(START - 30 * DAY).toISOString(), closed_at: null, department_id: null, office_ids: [], custom_fields: null }))));
  const names = ['Application Review', 'Phone Screen', 'Take-home', 'Technical Interview', 'Onsite', 'Offer', 'Reference Check', 'Final'];
  writeFileSync(join(dir, 'job_interview_stages.json'), JSON.stringify(Array.from({ length: shape.jobs * stagesPerJob }, (_, k) => ({ id: 1000 + k, job_id: 100 + Math.floor(k / stagesPerJob), sort_order: k % stagesPerJob, name: names[k % stagesPerJob] ?? `Stage ${k % stagesPerJob}`, active: true }))));
  const created = (i: number) => START + (i % 300) * DAY + (i % 97) * 60_000;
  writePages(dir, 'candidates', shape.candidates, shape.pageSize, (i) => ({
    id: 10_000_000 + i, created_at: new Date(created(i)).toISOString(), updated_at: new Date(created(i) + 20 * DAY).toISOString(),
    first_name: FIRST[i % FIRST.length], last_name: LAST[(i * 7) % LAST.length], preferred_name: null, company: i % 3 ? 'DeepLab' : null, title: i % 3 ? 'Research Engineer' : null,
    last_activity_at: null, private: false, can_email: true, time_zone: null, tags: i % 5 ? [] : ['Python'], linked_user_ids: [],
    phone_numbers: [], addresses: [], email_addresses: [{ value: `person${i}@example.com`, type: 'personal' }], website_addresses: [], social_media_addresses: [], custom_fields: null,
  }));
  writePages(dir, 'applications', shape.candidates, shape.pageSize, (i) => {
    const job = i % shape.jobs;
    const rejected = i % 4 === 0;
    const last = created(i) + (stagesPerJob - 1) * 3 * DAY;
    return {
      id: 20_000_000 + i, created_at: new Date(created(i)).toISOString(), updated_at: new Date(last).toISOString(), candidate_id: 10_000_000 + i, job_id: 100 + job,
      referrer_id: null, source_id: 1 + (i % 2), stage_id: 1000 + job * stagesPerJob + stagesPerJob - 1, stage_name: null,
      status: rejected ? 'rejected' : i % 50 === 0 ? 'hired' : 'in_process', prospect: false, rejected_at: rejected ? new Date(last + DAY).toISOString() : null,
      last_activity_at: new Date(last).toISOString(), prospective_job_ids: [], custom_fields: null,
    };
  });
  const total = shape.candidates * stagesPerJob;
  writePages(dir, 'application_stages', total, shape.pageSize, (k) => {
    const i = Math.floor(k / stagesPerJob);
    const s = k % stagesPerJob;
    const job = i % shape.jobs;
    const entered = created(i) + s * 3 * DAY;
    return {
      id: 30_000_000 + k, application_id: 20_000_000 + i, job_interview_stage_id: 1000 + job * stagesPerJob + s,
      entered_at: new Date(entered).toISOString(), exited_at: s === stagesPerJob - 1 ? null : new Date(entered + 3 * DAY).toISOString(), days_in_stage: 3, current: s === stagesPerJob - 1,
    };
  });
  return { stageChanges: total };
}

/** The files of a folder as import files read from disk in 1 MiB UTF-8 chunks. */
export function importFilesFromDisk(dir: string): ImportFile[] {
  const names = (readdirSync(dir, { recursive: true }) as string[]).filter((n) => statSync(join(dir, n)).isFile()).sort();
  return names.map((n) => ({
    name: relative(dir, join(dir, n)).split(sep).join('/'),
    chunks: () => createReadStream(join(dir, n), { encoding: 'utf8', highWaterMark: 1 << 20 }) as AsyncIterable<string>,
  }));
}

export async function runImportsGreenhouseBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'closer-gh-bench-'));
  try {
    const t0 = performance.now();
    const { stageChanges } = writeGreenhouseExport(dir);
    const writeMs = Math.round(performance.now() - t0);
    const files = importFilesFromDisk(dir);
    const bytes = files.reduce((sum, f) => sum + statSync(join(dir, f.name)).size, 0);
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakHeap = Math.max(peakHeap, m.heapUsed);
      peakRss = Math.max(peakRss, m.rss);
    }, 25);
    const t1 = performance.now();
    const cpu0 = process.cpuUsage();
    const batch = await parseGreenhouse(files);
    const parseMs = Math.round(performance.now() - t1);
    const cpu = process.cpuUsage(cpu0);
    const parseCpuMs = Math.round((cpu.user + cpu.system) / 1000);
    clearInterval(sampler);
    const after = process.memoryUsage();
    peakHeap = Math.max(peakHeap, after.heapUsed);
    peakRss = Math.max(peakRss, after.rss);
    const historyEntries = batch.applications.reduce((n, a) => n + a.stageHistory.length, 0);
    const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
    return {
      shape: { ...BENCH_SHAPE, stageChanges, files: files.length, inputMB: mb(bytes) },
      writeMs,
      parseMs,
      parseCpuMs, // wall time on a shared machine overstates the work; CPU time is the parser's own cost
      recordsPerSecond: Math.round((BENCH_SHAPE.candidates * 2 + stageChanges) / (parseMs / 1000)),
      memoryMB: { heapBefore: mb(before.heapUsed), peakHeap: mb(peakHeap), peakHeapAboveStart: mb(peakHeap - before.heapUsed), rssBefore: mb(before.rss), peakRss: mb(peakRss) },
      batch: { candidates: batch.candidates.length, applications: batch.applications.length, stageChanges: historyEntries, problems: batch.problems.length, errors: batch.problems.filter((p) => p.severity === 'error').length },
      goal: 'whole import under 60 s on both dialects (issue 12); this measures the parse alone, which the import service adds to',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
