import type { ApprovalDecision, ApprovalSettings } from '../../domain/offers/index.js';
import { getCompany, inTransaction, listUsers, type Store, type Tx, type UserRecord } from '../../storage/index.js';
import {
  approvalPlanFor,
  approvalSettingsOf,
  approvalSettingsVersion,
  asDecisionConflict,
  decideOffer,
  getOfferDetail,
  listMyApprovals,
  putApprovalSettings,
  type Actor,
  type OfferDetail,
  type OfferListEntry,
} from './offers.js';
import { namesOfPeople } from './people.js';

/** The approval setting as the settings page shows it: the setting, its version, the users it names, and whether the owners decide. */
export interface ApprovalSettingsState {
  settings: ApprovalSettings & { version: number };
  users: UserRecord[];
  /** True when none of the configured approvers can decide, so the owners do (approvalPlanFor). */
  ownersDecide: boolean;
}

function stateOf(settings: ApprovalSettings & { version: number }, users: UserRecord[]): ApprovalSettingsState {
  const ownersDecide = !approvalPlanFor(settings, users).approverIds.some((id) => settings.approverIds.includes(id));
  return { settings, users, ownersDecide };
}

/** The offers waiting for this approver's decision, with the names of the people they name. */
export async function approvalInbox(db: Tx, approverId: string): Promise<{ entries: OfferListEntry[]; people: Map<string, string> }> {
  const [entries, people] = await Promise.all([listMyApprovals(db, approverId), namesOfPeople(db)]);
  return { entries, people };
}

/**
 * Records an approver's decision on the current version and reads the offer back, in one transaction. A
 * concurrent second click that reached the unique constraint is the same answer as a later one (409 ALREADY_DECIDED).
 */
export async function decideAndRead(store: Store, actor: Actor, offerId: string, decision: ApprovalDecision, comment: string | undefined, now: Date): Promise<OfferDetail> {
  try {
    return await inTransaction(store.db, async (tx) => {
      await decideOffer(tx, actor, offerId, decision, comment, now);
      return getOfferDetail(tx, offerId);
    });
  } catch (error) {
    throw asDecisionConflict(error);
  }
}

export async function readApprovalSettings(db: Tx): Promise<ApprovalSettingsState> {
  const [company, users] = await Promise.all([getCompany(db), listUsers(db)]);
  return stateOf({ ...approvalSettingsOf(company), version: approvalSettingsVersion(company) }, users);
}

/** Replaces the approval setting (checked and audited by putApprovalSettings), under If-Match when `expectedVersion` is given. */
export async function changeApprovalSettings(store: Store, actor: Actor, input: ApprovalSettings, now: Date, expectedVersion: number | undefined): Promise<ApprovalSettingsState> {
  const settings = await inTransaction(store.db, (tx) => putApprovalSettings(tx, actor, input, now, expectedVersion));
  return stateOf(settings, await listUsers(store.db));
}
