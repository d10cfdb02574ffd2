import type { Kysely } from 'kysely';
import type { CandidateSource } from '../../domain/pipeline/lists.js';
import { applicationFacts, historyReportFacts, withApplication, type ApplicationFacts, type ClockRunFact, type ReportApplication } from '../../domain/reports/facts.js';
import { addLosses, addSourceCounts, BreachCounter, lossCountsOf, lossesReportOfCounts, breachReport, cycleReport, funnelReport, lossesReport, offersReport, sourceCountsOf, sourcesReport, sourcesReportOfCounts, type OfferPay, type SourceCounts, type ReportDimension, type ReportPeriod } from '../../domain/reports/reports.js';
import {
  clockSettingsKey,
  countReportApplications,
  listApplicationsWithoutFacts,
  listClockRunsToJudge,
  listEpochEventsOfApplications,
  listReportApplications,
  countReportLosses,
  listReportOffers,
  listRoles,
  listUsers,
  REPORT_DATA,
  sumClockPeopleTallies,
  sumClockTallies,
  sumReportSourceFacts,
  type ClockTallyQuery,
  type SourceFactsQuery,
  type SourceFactsSum,
  type Database,
  type RoleRecord,
  type Tx,
} from '../../storage/index.js';
import { CLOCK_IDS, type ClockId } from '../../domain/pipeline/lists.js';
import type { ClockSettings } from '../../domain/pipeline/clock-settings.js';
import { benchmark } from '../../domain/market/index.js';
import { marketPercentile, marketRoleGroupOf, type MarketPoints } from '../../domain/reports/market.js';
import type { MarketService } from './market.js';
import { PipelineSettingsResolver } from './pipeline-views.js';

export interface ReportFilters {
  by: ReportDimension;
  roleId?: string;
  specialization?: string;
  source?: CandidateSource;
  period: ReportPeriod;
}

/** What the presenter needs beside the figures: names for ids, and the facts the filters kept. */
export interface ReportInputs {
  facts: ApplicationFacts[];
  roles: ReadonlyMap<string, RoleRecord>;
  resolver: PipelineSettingsResolver;
  stageOrder: string[];
}

/** A role's main specialization: the first of its scoped list. */
const specializationOf = (role: RoleRecord | undefined): string | null => role?.specializations[0] ?? null;

/**
 * Reads what every report needs, once: each application's stored facts (report_facts), or for one without a row its
 * history turned into facts by the domain, filtered by role, specialization and source (the period is applied by each
 * report to its own timestamp). Clock runs are read only with `clockRuns` (the clock-breaches report).
 */
export async function readReportInputs(tx: Tx, filters: ReportFilters, opts: { clockRuns?: boolean } = {}): Promise<ReportInputs> {
  const roleList = await listRoles(tx);
  const roles = new Map(roleList.map((r) => [r.id, r]));
  // Role and specialization pick roles, so only their applications' histories are read.
  const roleIds = roleIdsOf(roleList, filters);
  const rows = await listReportApplications(tx, { ...(roleIds ? { roleIds } : {}), source: filters.source, clockRuns: opts.clockRuns ?? false });
  const facts = rows.map((row) => factsOfRow(row, roles));
  // The funnel's columns: the role's stages when one role is asked for, else every role's stages in plan order.
  const planned = filters.roleId ? [roles.get(filters.roleId)] : roleList;
  const stageOrder = [...new Set(planned.flatMap((r) => r?.processPlan.stages.map((s) => s.id) ?? []))];
  return { facts, roles, resolver: await PipelineSettingsResolver.load(tx), stageOrder };
}

/**
 * The clock-breaches report from the stored tallies (migration 026; docs/reports.md, "Speed"): the stopped runs'
 * counts summed by the database where they hold (judged under the role's settings now, before the request, every
 * start inside the period), and judged here, with the same rule (BreachCounter), for the rest: the runs still going,
 * the applications whose tally does not hold (settings changed since, a stop after the request's instant, runs on both
 * sides of a period end, rows written before 026) and those without a facts row (from their events). The figures are
 * breachReport's over every run (a test compares the two on random histories).
 */
export function clockBreaches(db: Kysely<Database>, filters: ReportFilters, asOf: Date): Promise<{ applications: number; report: ReturnType<typeof breachReport> }> {
  // one snapshot: the sums and the runs judged here are of the same committed rows, whatever is written meanwhile
  return db.transaction().setIsolationLevel('repeatable read').execute((tx) => clockBreachesIn(tx, filters, asOf));
}

async function clockBreachesIn(tx: Tx, filters: ReportFilters, asOf: Date): Promise<{ applications: number; report: ReturnType<typeof breachReport> }> {
  const roleList = await listRoles(tx);
  const roles = new Map(roleList.map((r) => [r.id, r]));
  const resolver = await PipelineSettingsResolver.load(tx);
  const asOfMs = asOf.getTime();
  const opts: ClockTallyQuery = { ...storedQuery(roleIdsOf(roleList, filters), filters), ...filters.period, asOf: asOfMs };
  const settingsOf = (roleId: string) => clocksForRole(roles, resolver, roleId);
  const keys = new Map<string, string>();
  const keyOf = (roleId: string) => {
    let k = keys.get(roleId);
    if (k === undefined) keys.set(roleId, (k = clockSettingsKey(settingsOf(roleId))));
    return k;
  };
  const counter = new BreachCounter(filters.period, asOfMs);
  const stale: Array<readonly [string, string]> = [];
  for (const sum of await sumClockTallies(tx, opts)) {
    if (sum.clockKey !== keyOf(sum.roleId)) {
      stale.push([sum.roleId, sum.clockKey]);
      continue;
    }
    const recruiterId = roles.get(sum.roleId)?.recruiterId ?? null;
    sum.counts.forEach((c, i) => {
      const clock = CLOCK_IDS[i]!;
      counter.add(clock, c);
      if (clock === 'reply.to-candidate' && recruiterId) counter.add(clock, c, recruiterId);
    });
  }
  for (const p of await sumClockPeopleTallies(tx, opts)) {
    if (p.clockKey === keyOf(p.roleId)) counter.add(p.clock as ClockId, p, p.personId);
  }
  const judged = new Set<string>();
  for (const row of await listClockRunsToJudge(tx, { ...opts, staleKeys: stale }, 'judge')) {
    judged.add(row.id);
    counter.judge(JSON.parse(row.runs) as ClockRunFact[], settingsOf(row.roleId), roles.get(row.roleId)?.recruiterId ?? null);
  }
  for (const row of await listClockRunsToJudge(tx, opts, 'open')) {
    if (!judged.has(row.id)) counter.judge(JSON.parse(row.runs) as ClockRunFact[], settingsOf(row.roleId), roles.get(row.roleId)?.recruiterId ?? null);
  }
  const { applications, withoutRow } = await countReportApplications(tx, opts, 'report_facts');
  const missing = withoutRow > 0 ? await listApplicationsWithoutFacts(tx, opts) : [];
  for (let i = 0; i < missing.length; i += 500) {
    const slice = missing.slice(i, i + 500);
    const events = await listEpochEventsOfApplications(tx, slice.map((r) => r.id), REPORT_DATA);
    for (const { id, roleId } of slice) counter.judge(historyReportFacts(events.get(id) ?? []).clockRuns, settingsOf(roleId), roles.get(roleId)?.recruiterId ?? null);
  }
  return { applications, report: counter.result() };
}

/**
 * The sources report from the stored counts (migration 027; docs/reports.md, "Speed"): the database counts the
 * applications with a report_fact_columns row per source and per referrer, with the filters and the period in SQL; the
 * few without one (no facts row yet) are read and counted here (sourceCountsOf). The figures are sourcesReport's over
 * every application's facts (a test compares the two on random histories).
 */
export function sourcesFromStore(db: Kysely<Database>, filters: ReportFilters): Promise<{ applications: number; report: ReturnType<typeof sourcesReport> }> {
  // one snapshot: the sums, the rows read here and the count are of the same committed rows
  return db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const { opts, applications, rest } = await readColumnsScope(tx, filters);
    const counts = sourceCountsOf(rest, filters.period);
    const sums = await sumReportSourceFacts(tx, opts);
    const merge = (map: Map<string, SourceCounts>, { key, ...c }: SourceFactsSum) => {
      const have = map.get(key);
      if (have) addSourceCounts(have, c);
      else map.set(key, c);
    };
    for (const sum of sums.sources) merge(counts.sources, sum);
    for (const sum of sums.referrers) merge(counts.referrers, sum);
    return { applications, report: sourcesReportOfCounts(counts) };
  });
}

/**
 * The losses report from the stored columns (migration 027; docs/reports.md, "Speed"): only the lost applications'
 * loss and first contact are read, with the filters and the period in SQL; the few without a row (no facts row yet) are
 * read as every report reads them. The same lossesReport computes the figures over both.
 */
export function lossesFromStore(db: Kysely<Database>, filters: ReportFilters): Promise<{ applications: number; report: ReturnType<typeof lossesReport> }> {
  return db.transaction().setIsolationLevel('repeatable read').execute(async (tx) => {
    const { opts, applications, rest } = await readColumnsScope(tx, filters);
    const counts = lossCountsOf(rest, { period: filters.period });
    const stored = await countReportLosses(tx, opts);
    for (const g of stored.groups) addLosses(counts, g.count, g);
    counts.spans.push(...stored.spans);
    return { applications, report: lossesReportOfCounts(counts) };
  });
}

/**
 * What the reports read from report_fact_columns share: the filters as a query, the applications they keep, and the
 * facts of the few of those without a row (read as every other report reads them).
 */
async function readColumnsScope(tx: Tx, filters: ReportFilters): Promise<{ opts: SourceFactsQuery; applications: number; rest: ApplicationFacts[] }> {
  const roleList = await listRoles(tx);
  const roles = new Map(roleList.map((r) => [r.id, r]));
  const roleIds = roleIdsOf(roleList, filters);
  const opts = { ...storedQuery(roleIds, filters), ...filters.period };
  const { applications, withoutRow } = await countReportApplications(tx, opts, 'report_fact_columns');
  const rows = withoutRow === 0 ? [] : await listReportApplications(tx, { ...storedQuery(roleIds, filters), withoutSourceFacts: true });
  return { opts, applications, rest: rows.map((row) => factsOfRow(row, roles)) };
}

/** The role and source filters as the stored reads take them. */
function storedQuery(roleIds: string[] | undefined, filters: ReportFilters): { roleIds?: string[]; source?: string } {
  return { ...(roleIds ? { roleIds } : {}), ...(filters.source ? { source: filters.source } : {}) };
}

/** A role's clock settings now (the company's when the role is gone). */
export function clocksForRole(roles: ReadonlyMap<string, RoleRecord>, resolver: PipelineSettingsResolver, roleId: string | undefined): ClockSettings {
  return resolver.clocksFor((roleId === undefined ? undefined : roles.get(roleId)) ?? { id: '', clockOverrides: {} });
}

/** The roles the role and specialization filters keep (undefined without either). */
function roleIdsOf(roleList: readonly RoleRecord[], filters: ReportFilters): string[] | undefined {
  return filters.roleId !== undefined || filters.specialization !== undefined
    ? roleList.filter((r) => (filters.roleId === undefined || r.id === filters.roleId) && (filters.specialization === undefined || specializationOf(r) === filters.specialization)).map((r) => r.id)
    : undefined;
}

/** One read application's facts: its stored facts joined to its row, or its history's. */
function factsOfRow(row: Awaited<ReturnType<typeof listReportApplications>>[number], roles: ReadonlyMap<string, RoleRecord>): ApplicationFacts {
  const role = roles.get(row.roleId);
  const app: ReportApplication = {
    id: row.id,
    roleId: row.roleId,
    specialization: specializationOf(role),
    source: row.source as CandidateSource,
    referrer: row.referrer,
    recruiterId: role?.recruiterId ?? null,
    currentStage: row.currentStage,
    events: row.events,
  };
  return row.facts ? withApplication(app, row.facts) : applicationFacts(app);
}

/** Names by user id: only the per-person breaches name people, so only that report reads them. */
export async function readPeopleNames(tx: Tx): Promise<ReadonlyMap<string, string>> {
  return new Map((await listUsers(tx)).map((u) => [u.id, u.name]));
}

export function buildFunnel(inputs: ReportInputs, filters: ReportFilters) {
  const roleStages = Object.fromEntries([...inputs.roles.values()].map((r) => [r.id, r.processPlan.stages.map((s) => s.id)]));
  return funnelReport(inputs.facts, { by: filters.by, period: filters.period, stageOrder: inputs.stageOrder, roleStages });
}

export function buildCycle(inputs: ReportInputs, filters: ReportFilters) {
  return cycleReport(inputs.facts, { by: filters.by, period: filters.period, settings: clocksOf(inputs, filters) });
}

/**
 * With `withPay`, the base of each offer against its candidate's threshold, its role's band (same currency only) and,
 * with `market`, the company's selected market data: the benchmark of the role's market group (its first
 * specialization's) at its seniority in the default country, in USD, so only USD offers are placed (docs/reports.md).
 */
export async function buildOffers(tx: Tx, inputs: ReportInputs, filters: ReportFilters, withPay: boolean, market?: MarketService) {
  let pay: Map<string, OfferPay> | undefined;
  if (withPay) {
    const roleOfOffer = new Map(inputs.facts.flatMap((f) => f.offers.map((o) => [o.offerId, inputs.roles.get(f.app.roleId)] as const)));
    const dataset = market ? (await market.resolve()).ds : undefined;
    const points = new Map<string, MarketPoints | null>();
    const pointsOf = (role: RoleRecord | undefined): MarketPoints | null => {
      if (!dataset || !role) return null;
      if (!points.has(role.id)) {
        let p: MarketPoints | null = null;
        try {
          p = benchmark(dataset, { roleGroup: marketRoleGroupOf(specializationOf(role)), level: role.seniority });
        } catch {
          p = null; // a seniority the market data has no level for
        }
        points.set(role.id, p);
      }
      return points.get(role.id)!;
    };
    pay = new Map();
    for (const o of await listReportOffers(tx)) {
      if (!roleOfOffer.has(o.offerId)) continue;
      const role = roleOfOffer.get(o.offerId);
      const band = role?.band;
      const sameCurrency = band !== null && band !== undefined && band.currency === o.currency;
      const m = o.currency === 'USD' ? pointsOf(role) : null;
      pay.set(o.offerId, { base: o.base, threshold: o.threshold, bandMin: sameCurrency ? band.baseMin : null, bandMax: sameCurrency ? band.baseMax : null, marketPercentile: m ? marketPercentile(o.base, m) : null });
    }
  }
  return offersReport(inputs.facts, { by: filters.by, period: filters.period, settings: clocksOf(inputs, filters), ...(pay ? { pay } : {}) });
}

/** The targets a cross-role figure is measured against: the one role's when filtered to it, else the company's. */
function clocksOf(inputs: ReportInputs, filters: ReportFilters) {
  return clocksForRole(inputs.roles, inputs.resolver, filters.roleId);
}
