/**
 * What each check is called on screen. The rule id (`scope.founding-generalist`) stays out of sight: it goes in a
 * tooltip for those who look it up in the docs or the CLI. A new rule without a name here is still shown in words
 * (its last part, spaced), and a unit test lists every rule the domain emits so none is forgotten.
 */
export const RULE_NAMES: Readonly<Record<string, string>> = {
  'scope.too-broad': 'Too broad for one role',
  'scope.founding-generalist': 'Founding generalist',
  'scope.specialist-too-early': 'Specialist before a senior generalist',
  'scope.juniors-without-anchor': 'No senior to anchor a junior',
  'scope.seniority-mismatch': 'Title and level disagree',
  'team.no-band': 'No pay band for this stage',
  'team.undescribed-members': 'AI team not described yet',
  'comp.budget-share': 'Share of the budget',
  'comp.below-stage-band': "Below the market's range for the stage",
  'comp.below-threshold': "Below the candidate's threshold",
  'comp.break-even-unreachable': 'No grant closes the gap',
  'comp.equity-not-fully-diluted': 'Equity not stated fully diluted',
  'comp.strike-above-preferred': 'Strike above the preferred price',
  'comp.threshold-above-current-pay': 'Threshold above current pay',
  'process.too-long': 'Process too long',
  'process.multiple-take-homes': 'Too many take-homes',
  'process.no-single-day-onsite': 'Final interviews over several days',
  'process.offer-sla': 'Offer too slow after the final',
  'process.approval-not-prenegotiated': 'Approval not agreed in advance',
  'outreach.equity-first': 'Outreach leads with equity',
  'outreach.no-infra-signal': 'Outreach names no reason to join',
  'outreach.unknown-merge-field': 'Outreach uses a field Closer cannot fill',
  'sourcing.referral-only': 'Pipeline relies on the network',
  'offer.inside-band': 'Inside the band the board approved',
  'offer.outside-band': 'Outside the band the board approved',
  'posting.no-base-range': 'No base range in the posting',
  'posting.equity-before-cash': 'Equity before cash',
  'posting.text-unreadable': 'Text the analyser cannot read',
};

/** A rule's name in words: "Too broad for one role" for `scope.too-broad`. */
export function ruleName(rule: string): string {
  const known = RULE_NAMES[rule];
  if (known) return known;
  const last = rule.split('.').pop() ?? rule;
  const words = last.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
