import { fail, isFiniteNumber } from './checks.js';
import { MODEL_STAGES, modelStageOf } from './parameters.js';
import type { CompanyStage, ModelParameters } from './parameters.js';

/** Deterministic dilution helpers (compensation-model.md 4.2.8) and the starting cap table of a simulation. */

function checkFraction(value: number, field: string, options: { allowOne?: boolean } = {}): void {
  const ok = isFiniteNumber(value) && value >= 0 && (options.allowOne ? value <= 1 : value < 1);
  if (!ok) fail('PARAMETER_INVALID', field, options.allowOne ? 'must be between 0 and 1' : 'must be at least 0 and below 1');
}

/** Ownership after rounds that each sell a fraction d_i: f0 x prod(1 - d_i). Fixture: 1% through 20%, 20%, 15%, 12.6% -> 0.475456%. */
export function ownershipAfter(initialFraction: number, dilutions: readonly number[]): number {
  checkFraction(initialFraction, 'initialFraction', { allowOne: true });
  let f = initialFraction;
  dilutions.forEach((d, i) => {
    checkFraction(d, `dilutions[${i}]`);
    f *= 1 - d;
  });
  return f;
}

/** New shares a round selling fraction d of the post-round total issues: FD x d / (1 - d). */
export function sharesIssued(dilution: number, fullyDilutedShares: number): number {
  checkFraction(dilution, 'dilution');
  if (!isFiniteNumber(fullyDilutedShares) || fullyDilutedShares <= 0) fail('SHARES_INVALID', 'fullyDilutedShares', 'must be above 0');
  return (fullyDilutedShares * dilution) / (1 - dilution);
}

/** postMoney = preMoney + raised. */
export function postMoney(preMoney: number, raised: number): number {
  if (!isFiniteNumber(preMoney) || preMoney < 0) fail('MONEY_INVALID', 'preMoney', 'must be a finite, non-negative amount');
  if (!isFiniteNumber(raised) || raised < 0) fail('MONEY_INVALID', 'raised', 'must be a finite, non-negative amount');
  return preMoney + raised;
}

/** Fraction of the company a round's investors buy: raised / postMoney. */
export function investorFraction(raised: number, post: number): number {
  if (!isFiniteNumber(post) || post <= 0) fail('MONEY_INVALID', 'postMoney', 'must be above 0');
  if (!isFiniteNumber(raised) || raised < 0 || raised > post) fail('MONEY_INVALID', 'raised', 'must be between 0 and the post-money');
  return raised / post;
}

/**
 * Ownership of an existing holder after one round. A pool created in the pre-money ("option pool
 * shuffle") of `poolFractionOfPost` reduces existing holders by that fraction in addition to the
 * investor fraction.
 */
export function ownershipAfterRound(initialFraction: number, round: { investorFraction: number; poolFractionOfPost?: number }): number {
  checkFraction(initialFraction, 'initialFraction', { allowOne: true });
  checkFraction(round.investorFraction, 'investorFraction');
  const pool = round.poolFractionOfPost ?? 0;
  checkFraction(pool, 'poolFractionOfPost');
  if (round.investorFraction + pool >= 1) fail('PARAMETER_INVALID', 'poolFractionOfPost', 'investor fraction plus pool must be below 1');
  return initialFraction * (1 - round.investorFraction - pool);
}

export interface OwnershipStep {
  stage: string;
  fullyDilutedPct: number;
}

/**
 * Expected ownership (percent of fully diluted) round by round through series-e, at the median
 * dilution of each round plus the pool top-up. A pre-seed company's SAFE converts at the seed dilution.
 */
export function ownershipThroughRounds(
  grant: { shares: number; fullyDilutedShares: number; stage: CompanyStage },
  params: ModelParameters,
): OwnershipStep[] {
  if (!isFiniteNumber(grant.shares) || grant.shares <= 0) fail('SHARES_INVALID', 'shares', 'must be above 0');
  if (!isFiniteNumber(grant.fullyDilutedShares) || grant.fullyDilutedShares <= grant.shares) {
    fail('SHARES_INVALID', 'fullyDilutedShares', 'must be greater than the grant');
  }
  const { index, safeConversion } = modelStageOf(grant.stage);
  let pct = (100 * grant.shares) / grant.fullyDilutedShares;
  const steps: OwnershipStep[] = [{ stage: grant.stage, fullyDilutedPct: pct }];
  if (safeConversion) {
    pct *= 1 - params.dilutionMedian[0];
    steps.push({ stage: MODEL_STAGES[0], fullyDilutedPct: pct });
  }
  for (let s = index + 1; s < MODEL_STAGES.length; s++) {
    pct *= (1 - params.dilutionMedian[s]) * (1 - params.poolTopUp);
    steps.push({ stage: MODEL_STAGES[s], fullyDilutedPct: pct });
  }
  return steps;
}

export interface PreferredRoundInput {
  invested: number;
  shares: number;
  /** liquidation preference multiple, default from the model (1) */
  multiple?: number;
  participating?: boolean;
}

export interface StackSeries {
  invested: number;
  preference: number;
  shares: number;
  participating: boolean;
}

export interface InitialCapTable {
  /** fully diluted shares at the start of the simulation (grows when a pre-seed SAFE converts) */
  fullyDilutedShares: number;
  series: StackSeries[];
  /** true when the preferred stack was synthesised from the default round history (4.2.3) */
  synthesized: boolean;
  safeConversion: boolean;
}

/**
 * The preferred stack at the start: the company's own rounds when given, else a synthetic history
 * (each past round invested = post-money x median dilution, post-money walking back by the median
 * step-ups). A pre-seed company's SAFE converts at the seed median dilution with the last post-money as cap.
 */
export function buildInitialCapTable(
  company: { stage: CompanyStage; fullyDilutedShares: number; lastPostMoney: number; preferred?: readonly PreferredRoundInput[] },
  grantShares: number,
  params: ModelParameters,
  field = 'startup.company',
): InitialCapTable {
  const { index, safeConversion } = modelStageOf(company.stage);
  let fd = company.fullyDilutedShares;
  const series: StackSeries[] = [];
  let synthesized = false;
  if (company.preferred && company.preferred.length > 0) {
    company.preferred.forEach((r, i) => {
      const f = `${field}.preferred[${i}]`;
      if (!isFiniteNumber(r.invested) || r.invested < 0) fail('MONEY_INVALID', `${f}.invested`, 'must be a finite, non-negative amount');
      if (!isFiniteNumber(r.shares) || r.shares <= 0) fail('SHARES_INVALID', `${f}.shares`, 'must be above 0');
      const multiple = r.multiple ?? params.preferenceMultiple;
      if (!isFiniteNumber(multiple) || multiple < 0 || multiple > 10) fail('PARAMETER_INVALID', `${f}.multiple`, 'must be in [0, 10]');
      series.push({ invested: r.invested, preference: r.invested * multiple, shares: r.shares, participating: r.participating ?? params.participating });
    });
  } else if (safeConversion) {
    synthesized = true;
    const d = params.dilutionMedian[0];
    const n = (fd * d) / (1 - d);
    const invested = company.lastPostMoney * d;
    series.push({ invested, preference: invested * params.preferenceMultiple, shares: n, participating: params.participating });
    fd += n;
  } else {
    synthesized = true;
    let post = company.lastPostMoney;
    let fdAfter = fd;
    const rounds: StackSeries[] = [];
    for (let j = index; j >= 0; j--) {
      const d = params.dilutionMedian[j];
      const n = fdAfter * d;
      const invested = post * d;
      rounds.unshift({ invested, preference: invested * params.preferenceMultiple, shares: n, participating: params.participating });
      fdAfter -= n;
      if (j > 0) post /= params.stepUpMedian[j - 1];
    }
    series.push(...rounds);
  }
  const preferredShares = series.reduce((sum, s) => sum + s.shares, 0);
  if (preferredShares + grantShares >= fd) {
    fail('SHARES_INVALID', `${field}.preferred`, 'preferred shares plus the grant must be fewer than the fully diluted shares');
  }
  return { fullyDilutedShares: fd, series, synthesized, safeConversion: safeConversion && synthesized };
}
