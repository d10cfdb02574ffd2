import duplicates from '../../../data/pipeline/duplicates.json' with { type: 'json' };

export interface CandidateIdentity {
  name: string;
  email?: string | null;
  emails?: readonly string[];
  currentEmployer?: string | null;
}

export type DuplicateReason = 'email' | 'name-and-employer';

export interface DuplicateMatch<T> {
  candidate: T;
  /** Why it matched; 'email' first when both apply. */
  reasons: DuplicateReason[];
  /** Edit distance between the normalised names (0 for the same tokens in any order or an initial); set when the name matched. */
  nameDistance?: number;
}

export interface DuplicateSettings {
  /** Allowed edit distance by the shorter normalised name's length: the last step whose minLength fits applies. */
  maxNameEditDistance: readonly { minLength: number; distance: number }[];
  employerSuffixes: readonly string[];
}

export const DEFAULT_DUPLICATE_SETTINGS: DuplicateSettings = {
  maxNameEditDistance: duplicates.maxNameEditDistance.value,
  employerSuffixes: duplicates.employerSuffixes.value,
};

const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, accents and punctuation removed, single spaces: 'José  Müller-Łukasz' -> 'jose muller lukasz'. */
export function normalizeName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæøœłđðþı]/g, (c) => FOLD[c]!)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

export function normalizeEmployer(value: string, suffixes: readonly string[] = DEFAULT_DUPLICATE_SETTINGS.employerSuffixes): string {
  const drop = new Set(suffixes);
  return normalizeName(value)
    .split(' ')
    .filter((token) => token !== '' && !drop.has(token))
    .join(' ');
}

/** Levenshtein distance, giving up (returning max + 1) once it must exceed `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

interface NameForm {
  tokens: string[];
  joined: string;
  sorted: string;
}

function nameForm(name: string): NameForm {
  const joined = normalizeName(name);
  const tokens = joined === '' ? [] : joined.split(' ');
  return { tokens, joined, sorted: [...tokens].sort().join(' ') };
}

function allowedDistance(length: number, settings: DuplicateSettings): number {
  let allowed = 0;
  for (const step of settings.maxNameEditDistance) if (length >= step.minLength) allowed = step.distance;
  return allowed;
}

const isInitialOf = (initial: string, token: string) => initial.length === 1 && token.startsWith(initial);

/** Same person by name: same tokens in any order, an initial for a first name, a dropped middle name, or a small typo. */
function nameDistance(a: NameForm, b: NameForm, settings: DuplicateSettings): number | undefined {
  if (a.tokens.length === 0 || b.tokens.length === 0) return undefined;
  if (a.sorted === b.sorted) return 0;
  if (a.tokens.length === b.tokens.length && a.tokens.length >= 2) {
    let full = 0;
    let sameOrInitial = true;
    for (let i = 0; i < a.tokens.length && sameOrInitial; i++) {
      const t = a.tokens[i]!;
      const u = b.tokens[i]!;
      if (t === u) full += 1;
      else sameOrInitial = isInitialOf(t, u) || isInitialOf(u, t);
    }
    if (sameOrInitial && full >= 1) return 0;
  }
  const [short, long] = a.tokens.length <= b.tokens.length ? [a, b] : [b, a];
  if (short.tokens.length >= 2 && short.tokens.length < long.tokens.length) {
    const longSet = new Set(long.tokens);
    if (short.tokens.every((t) => longSet.has(t)) && short.tokens[0] === long.tokens[0] && short.tokens.at(-1) === long.tokens.at(-1)) return 0;
  }
  const max = allowedDistance(Math.min(a.joined.length, b.joined.length), settings);
  if (max === 0) return undefined;
  const d = Math.min(editDistance(a.joined, b.joined, max), editDistance(a.sorted, b.sorted, max));
  return d <= max ? d : undefined;
}

function emailsOf(c: CandidateIdentity): string[] {
  const out = new Set<string>();
  for (const e of [c.email, ...(c.emails ?? [])]) if (e && e.trim() !== '') out.add(normalizeEmail(e));
  return [...out];
}

/**
 * Existing candidates who are probably the person being added: the same e-mail (trimmed, any case), or a close
 * name (accents, order, initials, middle names, small typos) at the same current employer. E-mail matches first.
 */
export function findDuplicateCandidates<T extends CandidateIdentity>(
  newCandidate: CandidateIdentity,
  existing: readonly T[],
  settings: DuplicateSettings = DEFAULT_DUPLICATE_SETTINGS,
): DuplicateMatch<T>[] {
  const emails = new Set(emailsOf(newCandidate));
  const name = nameForm(newCandidate.name);
  const employer = newCandidate.currentEmployer ? normalizeEmployer(newCandidate.currentEmployer, settings.employerSuffixes) : '';
  const matches: DuplicateMatch<T>[] = [];
  for (const candidate of existing) {
    const reasons: DuplicateReason[] = [];
    if (emails.size > 0 && emailsOf(candidate).some((e) => emails.has(e))) reasons.push('email');
    let distance: number | undefined;
    if (employer !== '' && candidate.currentEmployer && normalizeEmployer(candidate.currentEmployer, settings.employerSuffixes) === employer) {
      distance = nameDistance(name, nameForm(candidate.name), settings);
      if (distance !== undefined) reasons.push('name-and-employer');
    }
    if (reasons.length === 0) continue;
    const match: DuplicateMatch<T> = { candidate, reasons };
    if (distance !== undefined) match.nameDistance = distance;
    matches.push(match);
  }
  const rank = (m: DuplicateMatch<T>) => (m.reasons[0] === 'email' ? 0 : 1);
  return matches.sort((a, b) => rank(a) - rank(b) || (a.nameDistance ?? 0) - (b.nameDistance ?? 0));
}
