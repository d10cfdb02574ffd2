import type { Command, CommandContext } from '../command.js';
import { callApi, UsageError } from '../io.js';
import { OFFER_STATUSES } from '../../api/constants.js';
import type { OfferDetailView, OfferListView, OfferView } from '../../api/offers.js';

const STATUSES: readonly string[] = OFFER_STATUSES;

type OfferListItem = OfferView;
type OfferDetail = OfferDetailView;

const int = (n: number) => n.toLocaleString('en-US');

/** "50,000 shares of 10,000,000 fully diluted (0.5000%)": never a bare percentage. */
export function formatEquity(e: Pick<OfferListItem['equity'], 'shares' | 'fullyDilutedShares' | 'fullyDilutedPct'>): string {
  return `${int(e.shares)} shares of ${int(e.fullyDilutedShares)} fully diluted (${e.fullyDilutedPct.toFixed(4)}%)`;
}

export function formatOfferList(items: OfferListItem[]): string {
  if (items.length === 0) return 'No offers.';
  return items
    .map((o) => {
      const waiting = o.awaiting.length ? `  waiting for ${o.awaiting.map((a) => a.name).join(', ')}` : '';
      return `${o.status.padEnd(16)} ${o.candidateName} (${o.roleTitle}) v${o.currentVersion}: ${int(o.base)} ${o.currency}, ${formatEquity(o.equity)}${o.insideBand ? '' : ', outside band'}${waiting}  [${o.id}]`;
    })
    .join('\n');
}

export function formatOffer(o: OfferDetail): string {
  const lines = [
    `${o.candidateName} (${o.roleTitle}): offer ${o.id}, version ${o.current.version} of ${o.versions.length}, ${o.status}`,
    `  Base:   ${int(o.base)} ${o.currency}`,
    `  Equity: ${formatEquity(o.equity)}`,
    `  Band:   ${o.insideBand ? 'inside the board-approved band' : `outside: ${o.current.bandReasons.map((r) => r.message).join(' ')}`}`,
  ];
  const ev = o.current.evaluation;
  if (ev) {
    lines.push(`  Candidate threshold: ${int(ev.threshold.amount)} ${o.currency} (${ev.threshold.binding})`);
    if (ev.pStartupBeatsIncumbent !== undefined) lines.push(`  P(offer beats the incumbent): ${(ev.pStartupBeatsIncumbent * 100).toFixed(1)}%`);
    for (const f of ev.findings) lines.push(`  ${f.severity.toUpperCase()} ${f.rule}: ${f.message}`);
  }
  if (o.current.approvers.length > 0) {
    lines.push(`  Approvers (${o.current.approvalMode}): ${o.current.approvers.map((a) => `${a.name} ${a.decision ?? 'pending'}${a.comment ? ` ("${a.comment}")` : ''}`).join('; ')}`);
  }
  if (o.expiresAt) lines.push(`  Expires: ${o.expiresAt}`);
  lines.push(`  Next: ${o.allowedActions.length ? o.allowedActions.join(', ') : 'nothing (closed)'}`);
  return lines.join('\n');
}

function offerId(ctx: CommandContext): string {
  const id = ctx.positionals[0];
  if (!id || ctx.positionals.length > 1) throw new UsageError('Name one offer id, e.g. closer offer show 3f2c...', 'id');
  return encodeURIComponent(id);
}

export const offerListCommand: Command = {
  path: ['offer', 'list'],
  summary: 'List offers with their status, equity as fully diluted shares, and who they wait for',
  usage: `closer offer list [--status ${STATUSES.join('|')}] [--application ID] [--limit N] [--json]   (needs CLOSER_URL and CLOSER_TOKEN)`,
  options: { status: { type: 'string' }, application: { type: 'string' }, limit: { type: 'string' } },
  async run(ctx) {
    const q = new URLSearchParams();
    const { status, application, limit } = ctx.values;
    if (status !== undefined) {
      if (typeof status !== 'string' || !STATUSES.includes(status)) throw new UsageError(`--status must be one of ${STATUSES.join(', ')}`, 'status');
      q.set('status', status);
    }
    if (typeof application === 'string') q.set('applicationId', application);
    if (limit !== undefined) {
      if (typeof limit !== 'string' || !/^\d{1,3}$/.test(limit) || Number(limit) < 1) throw new UsageError('--limit must be a whole number from 1 to 500', 'limit');
      q.set('limit', limit);
    }
    const res = await callApi<OfferListView>(ctx.io, 'GET', `/api/v1/offers${q.size ? `?${q}` : ''}`);
    ctx.print(res, formatOfferList(res.items));
    return 0;
  },
};

export const offerShowCommand: Command = {
  path: ['offer', 'show'],
  summary: 'Show one offer: terms, evaluation findings, band and approvals',
  usage: 'closer offer show ID [--json]',
  allowPositionals: true,
  async run(ctx) {
    const res = await callApi<OfferDetail>(ctx.io, 'GET', `/api/v1/offers/${offerId(ctx)}`);
    ctx.print(res, formatOffer(res));
    return 0;
  },
};

function decisionCommand(verb: 'approve' | 'reject'): Command {
  return {
    path: ['offer', verb],
    summary: verb === 'approve' ? 'Approve an offer waiting for your decision' : 'Reject an offer waiting for your decision (it goes back to draft)',
    usage: `closer offer ${verb} ID [--comment TEXT] [--json]`,
    options: { comment: { type: 'string' } },
    allowPositionals: true,
    async run(ctx) {
      const id = offerId(ctx);
      const comment = ctx.values.comment;
      const body = typeof comment === 'string' ? { comment } : {};
      const res = await callApi<OfferDetail>(ctx.io, 'POST', `/api/v1/offers/${id}/${verb}`, body);
      const waiting = res.awaiting.length ? `; still waiting for ${res.awaiting.map((a) => a.name).join(', ')}` : '';
      ctx.print(res, `${verb === 'approve' ? 'Approved' : 'Rejected'} the offer for ${res.candidateName} (${res.roleTitle}): it is now ${res.status}${waiting}.`);
      return 0;
    },
  };
}

export const offerApproveCommand = decisionCommand('approve');
export const offerRejectCommand = decisionCommand('reject');
