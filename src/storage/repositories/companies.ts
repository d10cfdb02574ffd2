import type { Tx } from '../transaction.js';
import type { CompanyTable } from '../schema.js';

export interface Company {
  id: string;
  name: string;
  stage: string;
  raisedUsd: number;
  headcount: number;
  aiTeamSize: number;
  currency: string;
  timeZone: string;
  settings: Record<string, unknown>;
  isDemo: boolean;
  /** Last post-money valuation, whole units of `currency`; null until recorded (migration 011). */
  lastPostMoney: number | null;
  /** Every share, option and reserved pool share: the denominator of a grant's percentage. */
  fullyDilutedShares: number | null;
  /** The current strike (409A price) per share, in `currency`; a price, so it may have cents. */
  strikePrice: number | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

function toCompany(r: CompanyTable): Company {
  return {
    id: r.id,
    name: r.name,
    stage: r.stage,
    raisedUsd: Number(r.raised_usd),
    headcount: r.headcount,
    aiTeamSize: r.ai_team_size,
    currency: r.currency,
    timeZone: r.time_zone,
    settings: JSON.parse(r.settings) as Record<string, unknown>,
    isDemo: r.is_demo === 1,
    lastPostMoney: r.last_post_money === null ? null : Number(r.last_post_money),
    fullyDilutedShares: r.fully_diluted_shares === null ? null : Number(r.fully_diluted_shares),
    strikePrice: r.strike_price === null ? null : Number(r.strike_price),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: r.version,
  };
}

/** Closer is one workspace per database: the first company row is the workspace. */
export async function getCompany(tx: Tx): Promise<Company | undefined> {
  const row = await tx.selectFrom('companies').selectAll().orderBy('created_at').limit(1).executeTakeFirst();
  return row ? toCompany(row) : undefined;
}

type EquityFigures = 'lastPostMoney' | 'fullyDilutedShares' | 'strikePrice';

export async function insertCompany(tx: Tx, c: Omit<Company, 'createdAt' | 'updatedAt' | 'version' | EquityFigures> & Partial<Pick<Company, EquityFigures>>, now: Date): Promise<Company> {
  const at = now.toISOString();
  await tx
    .insertInto('companies')
    .values({
      id: c.id,
      name: c.name,
      stage: c.stage,
      raised_usd: c.raisedUsd,
      headcount: c.headcount,
      ai_team_size: c.aiTeamSize,
      currency: c.currency,
      time_zone: c.timeZone,
      settings: JSON.stringify(c.settings),
      is_demo: c.isDemo ? 1 : 0,
      last_post_money: c.lastPostMoney ?? null,
      fully_diluted_shares: c.fullyDilutedShares ?? null,
      strike_price: c.strikePrice ?? null,
      mfa_required: 0,
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  return { ...c, lastPostMoney: c.lastPostMoney ?? null, fullyDilutedShares: c.fullyDilutedShares ?? null, strikePrice: c.strikePrice ?? null, createdAt: at, updatedAt: at, version: 1 };
}

export type CompanyPatch = Partial<Pick<Company, 'name' | 'stage' | 'raisedUsd' | 'headcount' | 'aiTeamSize' | 'currency' | 'timeZone' | 'settings' | EquityFigures>>;

/** Updates when `version` still matches; returns undefined when someone else changed it first. */
export async function updateCompany(tx: Tx, id: string, version: number, patch: CompanyPatch, now: Date): Promise<Company | undefined> {
  const values: Partial<CompanyTable> = { updated_at: now.toISOString(), version: version + 1 };
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.stage !== undefined) values.stage = patch.stage;
  if (patch.raisedUsd !== undefined) values.raised_usd = patch.raisedUsd;
  if (patch.headcount !== undefined) values.headcount = patch.headcount;
  if (patch.aiTeamSize !== undefined) values.ai_team_size = patch.aiTeamSize;
  if (patch.currency !== undefined) values.currency = patch.currency;
  if (patch.timeZone !== undefined) values.time_zone = patch.timeZone;
  if (patch.settings !== undefined) values.settings = JSON.stringify(patch.settings);
  if (patch.lastPostMoney !== undefined) values.last_post_money = patch.lastPostMoney;
  if (patch.fullyDilutedShares !== undefined) values.fully_diluted_shares = patch.fullyDilutedShares;
  if (patch.strikePrice !== undefined) values.strike_price = patch.strikePrice;
  const res = await tx.updateTable('companies').set(values).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (Number(res.numUpdatedRows) !== 1) return undefined;
  const row = await tx.selectFrom('companies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return toCompany(row);
}
