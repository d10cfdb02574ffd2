import { parseEventInput, projectApplication, type EventInput, type StoredTimedEvent } from '../../domain/pipeline/index.js';
import { DEMO_ROLE_DESCRIPTIONS } from './demo-role-descriptions.js';
import { pick } from '../../domain/shared/random.js';
import {
  insertApplication,
  insertCandidate,
  insertEvents,
  insertRole,
  currentCompanyStage,
  putRoleBand,
  listEventsOfApplication,
  recordAudit,
  updateApplication,
  type CompensationRecord,
  type EventInsert,
  type RoleBandRecord,
  type Tx,
} from '../../storage/index.js';
import { projectApplicationFromEvents } from './projections.js';
import type { DemoContext } from './demo.js';
import { DEFAULT_PROCESS_STAGES } from './pipeline.js';

const HOUR = 3_600_000;

/** A v4-shaped id from the demo's seeded generator, so the demo is the same every time. */
function demoId(rng: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rng() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rng() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

type RoleKey = 'founding' | 'mlops' | 'product' | 'research' | 'data';

interface DemoRole {
  key: RoleKey;
  title: string;
  specializations: string[];
  seniority: string;
  band: RoleBandRecord | null;
  status: 'open' | 'closed';
  clockOverrides?: Record<string, unknown>;
}

// Bands follow the field report's seed-stage figures (base 180-220k, 0.5-1.0% for a senior AI engineer).
const ROLES: DemoRole[] = [
  { key: 'founding', title: 'Founding ML Engineer', specializations: ['ml-engineering', 'mlops'], seniority: 'senior', status: 'open', band: { baseMin: 190_000, baseMax: 230_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' } },
  // No pre-negotiated band: this is the role whose offer waits on the board (process.approval-not-prenegotiated).
  { key: 'mlops', title: 'MLOps Engineer', specializations: ['mlops', 'data-engineering'], seniority: 'senior', status: 'open', band: null },
  { key: 'product', title: 'AI Product Engineer', specializations: ['ai-product-engineering', 'prompt-engineering'], seniority: 'mid', status: 'open', band: { baseMin: 160_000, baseMax: 195_000, equityPctMin: 0.25, equityPctMax: 0.6, currency: 'USD' } },
  {
    key: 'research',
    title: 'Applied Research Scientist',
    specializations: ['applied-research', 'ai-safety'],
    seniority: 'staff+',
    status: 'open',
    band: { baseMin: 220_000, baseMax: 280_000, equityPctMin: 0.5, equityPctMax: 1.2, currency: 'USD' },
    clockOverrides: { targets: { 'cycle.total': { warningHours: 336 } } },
  },
  { key: 'data', title: 'Data Engineer (LLM pipelines)', specializations: ['data-engineering'], seniority: 'mid', status: 'closed', band: { baseMin: 150_000, baseMax: 180_000, equityPctMin: 0.2, equityPctMax: 0.4, currency: 'USD' } },
];

interface DemoCandidate {
  name: string;
  employer: string | null;
  source: string;
  passive: boolean;
  specializations: string[];
  years: number;
  location: string;
  comp?: [number, number, number];
}

const CANDIDATES: DemoCandidate[] = [
  { name: 'Amara Nwosu', employer: 'Google DeepMind', source: 'referral', passive: true, specializations: ['ml-engineering', 'mlops'], years: 6, location: 'London', comp: [245_000, 40_000, 190_000] },
  { name: 'Diego Fernández', employer: 'Stripe', source: 'outbound', passive: true, specializations: ['ml-engineering'], years: 5, location: 'New York', comp: [230_000, 30_000, 120_000] },
  { name: 'Hannah Becker', employer: 'Zalando', source: 'community', passive: false, specializations: ['mlops'], years: 4, location: 'Berlin', comp: [140_000, 10_000, 0] },
  { name: 'Kenji Watanabe', employer: 'Preferred Networks', source: 'event', passive: true, specializations: ['applied-research'], years: 7, location: 'Tokyo' },
  { name: 'Sofia Marchetti', employer: 'Cohere', source: 'vc-introduction', passive: true, specializations: ['prompt-engineering', 'ai-product-engineering'], years: 3, location: 'Toronto', comp: [185_000, 15_000, 60_000] },
  { name: 'Tunde Bakare', employer: 'Flutterwave', source: 'inbound', passive: false, specializations: ['data-engineering'], years: 4, location: 'Remote (Lagos)' },
  { name: 'Ingrid Solberg', employer: 'Spotify', source: 'referral', passive: true, specializations: ['ml-engineering', 'data-engineering'], years: 6, location: 'Stockholm', comp: [170_000, 20_000, 45_000] },
  { name: 'Rahul Mehta', employer: 'Databricks', source: 'outbound', passive: true, specializations: ['mlops'], years: 5, location: 'San Francisco', comp: [255_000, 35_000, 210_000] },
  { name: 'Chloé Dubois', employer: 'Mistral AI', source: 'community', passive: true, specializations: ['applied-research', 'ml-engineering'], years: 4, location: 'Paris' },
  { name: 'Mateo Alvarez', employer: 'Rappi', source: 'inbound', passive: false, specializations: ['ai-product-engineering'], years: 3, location: 'Bogotá' },
  { name: 'Yara Haddad', employer: 'Anthropic', source: 'vc-introduction', passive: true, specializations: ['ai-safety', 'applied-research'], years: 5, location: 'San Francisco', comp: [310_000, 0, 250_000] },
  { name: 'Owen Gallagher', employer: 'Intercom', source: 'referral', passive: false, specializations: ['ai-product-engineering', 'prompt-engineering'], years: 4, location: 'Dublin' },
  { name: 'Mei Lin', employer: 'ByteDance', source: 'outbound', passive: true, specializations: ['ml-engineering'], years: 6, location: 'Singapore', comp: [220_000, 50_000, 80_000] },
  { name: 'Lukas Novak', employer: 'JetBrains', source: 'event', passive: false, specializations: ['mlops', 'data-engineering'], years: 3, location: 'Prague' },
  { name: 'Aisha Rahman', employer: 'Scale AI', source: 'inbound', passive: false, specializations: ['data-engineering', 'mlops'], years: 4, location: 'Remote (Toronto)' },
  { name: 'Gabriel Costa', employer: 'Nubank', source: 'community', passive: true, specializations: ['ml-engineering'], years: 5, location: 'São Paulo' },
  { name: 'Nadia Petrova', employer: 'Yandex', source: 'outbound', passive: true, specializations: ['applied-research'], years: 8, location: 'Belgrade' },
  { name: 'Samuel Osei', employer: 'Shopify', source: 'referral', passive: false, specializations: ['ai-product-engineering'], years: 5, location: 'Remote (Accra)' },
  { name: 'Elena Rossi', employer: 'Hugging Face', source: 'community', passive: true, specializations: ['mlops', 'ml-engineering'], years: 4, location: 'Milan', comp: [150_000, 0, 30_000] },
  { name: 'Jamal Wright', employer: 'Meta', source: 'vc-introduction', passive: true, specializations: ['ml-engineering', 'mlops'], years: 7, location: 'Seattle', comp: [265_000, 45_000, 300_000] },
  { name: 'Priya Sharma', employer: 'Flipkart', source: 'inbound', passive: false, specializations: ['data-engineering'], years: 3, location: 'Bengaluru' },
  { name: 'Tomasz Zielinski', employer: 'Allegro', source: 'outbound', passive: true, specializations: ['mlops'], years: 6, location: 'Warsaw' },
  { name: 'Fatima Zahra', employer: null, source: 'event', passive: false, specializations: ['applied-research', 'ai-safety'], years: 2, location: 'Montréal' },
  { name: 'Benjamin Cohen', employer: 'Wix', source: 'referral', passive: true, specializations: ['ai-product-engineering', 'prompt-engineering'], years: 5, location: 'Tel Aviv' },
  { name: 'Laura Schmidt', employer: 'Aleph Alpha', source: 'community', passive: false, specializations: ['prompt-engineering'], years: 2, location: 'Heidelberg' },
  { name: 'Victor Nguyen', employer: 'Grab', source: 'other', passive: true, specializations: ['ml-engineering'], years: 5, location: 'Ho Chi Minh City' },
  { name: 'Isabel Moreno', employer: 'Cabify', source: 'outbound', passive: false, specializations: ['data-engineering', 'ml-engineering'], years: 4, location: 'Madrid' },
  { name: 'Arjun Iyer', employer: 'OpenAI', source: 'vc-introduction', passive: true, specializations: ['ml-engineering', 'applied-research'], years: 6, location: 'San Francisco', comp: [330_000, 0, 400_000] },
  { name: 'Zoe Clarke', employer: 'Monzo', source: 'inbound', passive: false, specializations: ['ai-product-engineering'], years: 3, location: 'London' },
  { name: 'Kwame Mensah', employer: 'Andela', source: 'event', passive: false, specializations: ['mlops'], years: 3, location: 'Remote (Nairobi)' },
];

type Path = 'sourced' | 'screen' | 'technical' | 'final' | 'offer' | 'hired' | 'lost' | 'withdrawn';
type Scenario = 'approval-stuck' | 'accelerate-then-logistics' | 'competing-offer' | 'fading-replies' | 'scorecard-late' | 'gone-quiet';

interface DemoApplication {
  candidate: number;
  role: RoleKey;
  path: Path;
  /** Days since first contact. */
  days: number;
  scenario?: Scenario;
  lossReason?: string;
}

const APPLICATIONS: DemoApplication[] = [
  // Founding ML Engineer
  { candidate: 0, role: 'founding', path: 'final', days: 9, scenario: 'accelerate-then-logistics' },
  { candidate: 1, role: 'founding', path: 'technical', days: 6 },
  { candidate: 6, role: 'founding', path: 'screen', days: 3 },
  { candidate: 12, role: 'founding', path: 'sourced', days: 1.5 },
  { candidate: 19, role: 'founding', path: 'lost', days: 20, lossReason: 'compensation' },
  { candidate: 27, role: 'founding', path: 'lost', days: 26, lossReason: 'process-too-slow' },
  { candidate: 15, role: 'founding', path: 'technical', days: 11, scenario: 'gone-quiet' },
  // MLOps Engineer
  { candidate: 7, role: 'mlops', path: 'offer', days: 12, scenario: 'approval-stuck' },
  { candidate: 2, role: 'mlops', path: 'technical', days: 5, scenario: 'scorecard-late' },
  { candidate: 13, role: 'mlops', path: 'screen', days: 2 },
  { candidate: 21, role: 'mlops', path: 'sourced', days: 1 },
  { candidate: 18, role: 'mlops', path: 'withdrawn', days: 15 },
  { candidate: 29, role: 'mlops', path: 'sourced', days: 0.5 },
  // AI Product Engineer
  { candidate: 4, role: 'product', path: 'final', days: 8, scenario: 'competing-offer' },
  { candidate: 11, role: 'product', path: 'technical', days: 4 },
  { candidate: 17, role: 'product', path: 'screen', days: 2.5 },
  { candidate: 23, role: 'product', path: 'hired', days: 24 },
  { candidate: 28, role: 'product', path: 'lost', days: 14, lossReason: 'accepted-other-offer' },
  { candidate: 9, role: 'product', path: 'sourced', days: 1 },
  { candidate: 24, role: 'product', path: 'screen', days: 3.5 },
  // Applied Research Scientist
  { candidate: 8, role: 'research', path: 'technical', days: 10, scenario: 'fading-replies' },
  { candidate: 10, role: 'research', path: 'final', days: 13 },
  { candidate: 16, role: 'research', path: 'screen', days: 4 },
  { candidate: 3, role: 'research', path: 'sourced', days: 2 },
  { candidate: 22, role: 'research', path: 'lost', days: 18, lossReason: 'not-selected' },
  // Data Engineer (closed)
  { candidate: 5, role: 'data', path: 'hired', days: 30 },
  { candidate: 14, role: 'data', path: 'lost', days: 28, lossReason: 'equity' },
  { candidate: 20, role: 'data', path: 'lost', days: 25, lossReason: 'location' },
  { candidate: 26, role: 'data', path: 'withdrawn', days: 27 },
  { candidate: 25, role: 'founding', path: 'screen', days: 2 },
];

const STAGE_ORDER = ['sourced', 'screen', 'technical', 'final', 'offer'] as const;
const REACHED: Record<Path, number> = { sourced: 0, screen: 1, technical: 2, final: 3, offer: 4, hired: 4, lost: 2, withdrawn: 1 };

interface Draft {
  type: string;
  hoursAgo: number;
  data?: Record<string, unknown>;
}

/**
 * A plausible history for one application: first contact `days` ago, then replies, interviews with
 * scorecards and stage changes spread over the time since, ending at `path`.
 */
function historyFor(app: DemoApplication, c: DemoCandidate, people: { recruiter: string; hm: string; int1: string; int2: string; approver: string }, rng: () => number, n: number, now: Date): Draft[] {
  const span = app.days * 24;
  const out: Draft[] = [];
  const at = (fraction: number, jitter = 2) => Math.max(0.25, span * (1 - fraction) - rng() * jitter);
  if (c.source === 'inbound' || c.source === 'event' || c.source === 'community') out.push({ type: 'application.received', hoursAgo: span, data: { source: c.source } });
  else out.push({ type: 'outreach.sent', hoursAgo: span, data: { channel: c.source === 'outbound' ? pick(rng, ['linkedin', 'email', 'github'] as const) : 'email' } });
  if (app.path === 'sourced') return out;
  out.push({ type: 'candidate.replied', hoursAgo: at(0.06), data: { latencyHours: Math.round(2 + rng() * 10), length: Math.round(300 + rng() * 600), asksQuestion: true } });
  out.push({ type: 'team.replied', hoursAgo: at(0.08) });
  const reached = REACHED[app.path];
  const stageAt = [0, 0.12, 0.35, 0.6, 0.8];
  const interviewers = [[people.recruiter], [people.int1], [people.int1, people.int2, people.hm]];
  for (let s = 1; s <= reached; s++) {
    out.push({ type: 'stage.changed', hoursAgo: at(stageAt[s]!), data: { from: STAGE_ORDER[s - 1], to: STAGE_ORDER[s] } });
    if (s <= 3 && (s < reached || app.path === 'lost' || app.path === 'withdrawn' || app.path === 'final')) {
      const interviewId = `${STAGE_ORDER[s]}-${n}`;
      const done = at(stageAt[s]! + 0.1);
      out.push({ type: 'interview.scheduled', hoursAgo: at(stageAt[s]! + 0.02), data: { interviewId, at: new Date(now.getTime() - done * HOUR).toISOString() } });
      out.push({ type: 'interview.completed', hoursAgo: done, data: { interviewId, final: s === 3, interviewerIds: interviewers[s - 1] } });
      for (const interviewerId of interviewers[s - 1]!) out.push({ type: 'scorecard.submitted', hoursAgo: Math.max(0.2, done - 3 - rng() * 15), data: { interviewId, interviewerId } });
    }
  }
  const offerId = `offer-${n}`;
  if (app.path === 'offer' || app.path === 'hired') {
    out.push({ type: 'offer.drafted', hoursAgo: at(0.82), data: { offerId } });
    out.push({ type: 'offer.approval-requested', hoursAgo: at(0.83), data: { offerId, approverIds: [people.approver] } });
    out.push({ type: 'offer.approved', hoursAgo: at(0.86), data: { offerId, approverId: people.approver } });
    out.push({ type: 'offer.extended', hoursAgo: at(0.87), data: { offerId } });
  }
  if (app.path === 'hired') out.push({ type: 'offer.accepted', hoursAgo: at(0.95), data: { offerId } });
  if (app.path === 'lost') out.push({ type: 'application.closed', hoursAgo: at(0.7), data: { status: 'lost', lossReason: app.lossReason ?? 'other' } });
  if (app.path === 'withdrawn') out.push({ type: 'candidate.withdrew', hoursAgo: at(0.5), data: { reason: 'Took a role closer to home' } });
  return out;
}

/** The field report's cases, told as event histories ending now. */
function scenarioFor(app: DemoApplication, people: { recruiter: string; hm: string; int1: string; int2: string; approver: string }, n: number, now: Date): Draft[] {
  const span = app.days * 24;
  const iv = (stage: string) => `${stage}-${n}`;
  const loop = (finalHoursAgo: number): Draft[] => [
    { type: 'candidate.replied', hoursAgo: span - 6, data: { latencyHours: 6, length: 640, asksQuestion: true } },
    { type: 'team.replied', hoursAgo: span - 8 },
    { type: 'stage.changed', hoursAgo: span - 24, data: { from: 'sourced', to: 'screen' } },
    { type: 'interview.completed', hoursAgo: span - 30, data: { interviewId: iv('screen'), final: false, interviewerIds: [people.recruiter] } },
    { type: 'scorecard.submitted', hoursAgo: span - 33, data: { interviewId: iv('screen'), interviewerId: people.recruiter } },
    { type: 'stage.changed', hoursAgo: span - 50, data: { from: 'screen', to: 'technical' } },
    { type: 'interview.completed', hoursAgo: span - 75, data: { interviewId: iv('technical'), final: false, interviewerIds: [people.int1] } },
    { type: 'scorecard.submitted', hoursAgo: span - 80, data: { interviewId: iv('technical'), interviewerId: people.int1 } },
    { type: 'stage.changed', hoursAgo: finalHoursAgo + 20, data: { from: 'technical', to: 'final' } },
    { type: 'interview.completed', hoursAgo: finalHoursAgo, data: { interviewId: iv('final'), final: true, interviewerIds: [people.int1, people.hm] } },
    { type: 'scorecard.submitted', hoursAgo: finalHoursAgo - 4, data: { interviewId: iv('final'), interviewerId: people.int1 } },
    { type: 'scorecard.submitted', hoursAgo: finalHoursAgo - 6, data: { interviewId: iv('final'), interviewerId: people.hm } },
  ];
  const first: Draft = { type: 'outreach.sent', hoursAgo: span, data: { channel: 'email' } };
  switch (app.scenario) {
    case 'approval-stuck':
      // Final interview three days ago; the offer went to the board for approval 62 h ago and sits there.
      return [
        first,
        ...loop(74),
        { type: 'stage.changed', hoursAgo: 68, data: { from: 'final', to: 'offer' } },
        { type: 'offer.drafted', hoursAgo: 66, data: { offerId: `offer-${n}` } },
        { type: 'offer.approval-requested', hoursAgo: 62, data: { offerId: `offer-${n}`, approverIds: [people.approver] } },
        { type: 'candidate.replied', hoursAgo: 20, data: { latencyHours: 3, length: 180, asksQuestion: true } },
      ];
    case 'accelerate-then-logistics':
      return [
        first,
        ...loop(30),
        { type: 'signal.observed', hoursAgo: 5 * 24, data: { signal: 'accelerate-request', note: 'Asked whether the remaining interviews could happen this week: two other processes close soon.' } },
        { type: 'candidate.replied', hoursAgo: 26, data: { latencyHours: 4, length: 220, asksQuestion: true } },
        { type: 'team.replied', hoursAgo: 25 },
        { type: 'signal.observed', hoursAgo: 22, data: { signal: 'logistics-focus', note: 'Only asked about start date, remote days and the equipment budget.' } },
      ];
    case 'competing-offer': {
      const deadline = new Date(now.getTime() + 3 * 24 * HOUR).toISOString().slice(0, 10);
      return [
        first,
        ...loop(28),
        { type: 'signal.observed', hoursAgo: 18, data: { signal: 'competing-offer', deadline, note: 'Written offer from a Series B lab; it expires on the deadline.' } },
        { type: 'signal.observed', hoursAgo: 12, data: { signal: 'ceo-call-request', note: 'Wants to talk to Maya about the roadmap before deciding.' } },
        { type: 'signal.observed', hoursAgo: 11, data: { signal: 'equity-questions', note: 'Asked for the fully diluted share count and the post-termination exercise window.' } },
      ];
    }
    case 'fading-replies':
      return [
        first,
        { type: 'candidate.replied', hoursAgo: span - 3, data: { latencyHours: 3, length: 850, asksQuestion: true } },
        { type: 'team.replied', hoursAgo: span - 5 },
        { type: 'stage.changed', hoursAgo: span - 40, data: { from: 'sourced', to: 'screen' } },
        { type: 'stage.changed', hoursAgo: 110, data: { from: 'screen', to: 'technical' } },
        { type: 'candidate.replied', hoursAgo: 100, data: { latencyHours: 11, length: 420, asksQuestion: false } },
        { type: 'candidate.replied', hoursAgo: 30, data: { latencyHours: 29, length: 90, asksQuestion: false } },
      ];
    case 'scorecard-late':
      return [
        first,
        { type: 'candidate.replied', hoursAgo: span - 4, data: { latencyHours: 4, length: 500, asksQuestion: true } },
        { type: 'team.replied', hoursAgo: span - 6 },
        { type: 'stage.changed', hoursAgo: span - 30, data: { from: 'sourced', to: 'screen' } },
        { type: 'stage.changed', hoursAgo: 60, data: { from: 'screen', to: 'technical' } },
        { type: 'interview.completed', hoursAgo: 34, data: { interviewId: iv('technical'), final: false, interviewerIds: [people.int2] } },
      ];
    case 'gone-quiet':
      return [
        first,
        { type: 'candidate.replied', hoursAgo: span - 10, data: { latencyHours: 10, length: 400, asksQuestion: false } },
        { type: 'stage.changed', hoursAgo: span - 30, data: { from: 'sourced', to: 'screen' } },
        { type: 'stage.changed', hoursAgo: 8.5 * 24, data: { from: 'screen', to: 'technical' } },
      ];
    default:
      return [];
  }
}

/**
 * Demo pipeline for the seed-stage AI startup: five roles (one closed), thirty candidates from every
 * source, applications at every stage and a few weeks of events, including the field report's cases.
 * Deterministic: ids and jitter come from the demo's seeded generator; times are relative to `now`.
 */
export async function contributePipelineDemo(tx: Tx, demo: DemoContext): Promise<void> {
  const { users, now, rng } = demo;
  const owner = users.owner!.id;
  const people = {
    recruiter: users.recruiter?.id ?? owner,
    hm: users['hiring-manager']?.id ?? owner,
    int1: users['interviewer-1']?.id ?? owner,
    int2: users['interviewer-2']?.id ?? owner,
    approver: users.approver?.id ?? owner,
  };
  const stages = DEFAULT_PROCESS_STAGES.map((s) => ({ ...s }));
  const roleIds = new Map<RoleKey, string>();
  for (const r of ROLES) {
    const role = await insertRole(
      tx,
      {
        id: demoId(rng),
        title: r.title,
        description: DEMO_ROLE_DESCRIPTIONS[r.key] ?? null,
        specializations: r.specializations,
        seniority: r.seniority,
        hiringManagerId: people.hm,
        recruiterId: people.recruiter,
        processPlan: { stages },
        clockOverrides: r.clockOverrides ?? {},
        band: r.band,
        pedigreeBlind: true,
        status: r.status,
        createdBy: owner,
      },
      new Date(now.getTime() - 35 * 24 * HOUR),
    );
    roleIds.set(r.key, role.id);
    // The demo's bands were approved at a board meeting before the search opened (role_bands, migration 010).
    if (r.band) {
      const approvedAt = new Date(now.getTime() - 40 * 24 * HOUR);
      const stage = await currentCompanyStage(tx);
      await putRoleBand(tx, { roleId: role.id, companyStage: stage, ...r.band, approvedBy: 'Board meeting', approvedOn: approvedAt.toISOString().slice(0, 10), recordedBy: owner, recordedAt: approvedAt.toISOString() });
    }
    await recordAudit(tx, { actorId: owner, action: 'role.create', entity: 'role', entityId: role.id, fields: ['title', 'specializations', 'seniority', 'hiringManagerId', 'recruiterId', 'processPlan', 'band', 'status'], at: now });
  }

  const candidateIds: string[] = [];
  for (const c of CANDIDATES) {
    const comp: CompensationRecord | null = c.comp ? { base: c.comp[0], bonus: c.comp[1], equityAnnual: c.comp[2], currency: 'USD' } : null;
    const slug = c.name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z]+/g, '.');
    const candidate = await insertCandidate(
      tx,
      {
        id: demoId(rng),
        name: c.name,
        email: `${slug}@mail.example`,
        phone: null,
        links: [`https://github.com/${slug.replace(/\./g, '')}`],
        location: c.location,
        currentEmployer: c.employer,
        source: c.source,
        passive: c.passive,
        specializations: c.specializations,
        productionMlYears: c.years,
        currentCompensation: comp,
        createdBy: people.recruiter,
      },
      new Date(now.getTime() - 32 * 24 * HOUR),
    );
    candidateIds.push(candidate.id);
    const fields = ['name', 'email', 'links', 'location', 'currentEmployer', 'source', 'passive', 'specializations', 'productionMlYears', ...(comp ? ['currentCompensation'] : [])];
    await recordAudit(tx, { actorId: people.recruiter, action: 'candidate.create', entity: 'candidate', entityId: candidate.id, fields, at: now });
  }

  let n = 0;
  for (const a of APPLICATIONS) {
    n += 1;
    const c = CANDIDATES[a.candidate]!;
    const created = new Date(now.getTime() - a.days * 24 * HOUR);
    const app = await insertApplication(
      tx,
      { id: demoId(rng), candidateId: candidateIds[a.candidate]!, roleId: roleIds.get(a.role)!, stage: 'sourced', status: 'active', lossReason: null, labels: [], closedAt: null, createdBy: people.recruiter },
      created,
    );
    await recordAudit(tx, { actorId: people.recruiter, action: 'application.create', entity: 'application', entityId: app.id, fields: ['candidateId', 'roleId'], at: now });
    const drafts = a.scenario ? scenarioFor(a, people, n, now) : historyFor(a, c, people, rng, n, now);
    drafts.sort((x, y) => y.hoursAgo - x.hoursAgo);
    const events: EventInsert[] = drafts.map((d, i) => {
      const occurred = new Date(now.getTime() - d.hoursAgo * HOUR);
      // The domain validates every demo event exactly as the API would.
      const input: EventInput = parseEventInput({ type: d.type, occurredAt: occurred.toISOString(), ...(d.data ? { data: d.data } : {}) }, now);
      return { id: demoId(rng), applicationId: app.id, seq: i + 1, type: input.type, occurredAt: input.occurredAt, recordedAt: input.occurredAt, actorId: people.recruiter, data: input.data };
    });
    await insertEvents(tx, events);
    for (const e of events) {
      const fields = ['type', 'occurredAt', ...Object.keys(e.data as object).map((k) => `data.${k}`)];
      await recordAudit(tx, { actorId: people.recruiter, action: 'event.append', entity: 'application_event', entityId: e.id, fields, at: now });
    }
    const projection = projectApplication(app, (await listEventsOfApplication(tx, app.id)) as readonly StoredTimedEvent[], now);
    await updateApplication(tx, app.id, app.version, projection, now);
    await projectApplicationFromEvents(tx, app.id, now);
  }
}
