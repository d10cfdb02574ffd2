/**
 * Text normalisation for phrase matching: case, plurals, hyphenation and synonyms, with every
 * normalised token keeping the character offsets of the original text it came from, so a UI can
 * highlight exactly what produced a score.
 */

/** One normalised token and the span [start, end) of original text it stands for. */
export interface Token {
  norm: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Light English stemmer: plurals and -ing/-ed, so 'pipelines' matches 'pipeline', 'LLMs' 'LLM' and 'deploying' 'deploy'. */
export function stem(word: string): string {
  // An acronym's plural ('APIs', 'GPUs', 'KPIs') is the acronym: the -is/-us exceptions below are for 'basis', 'status'.
  if (/^\p{Lu}{2,}s$/u.test(word)) return word.slice(0, -1).toLowerCase();
  const w = word.toLowerCase();
  if (w.length <= 3 || /\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(ches|shes|xes|zes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('s')) return stemVerb(w.slice(0, -1));
  return stemVerb(w);
}

/** Past forms whose meaning differs from the verb's: 'embedded (systems)' must not meet 'embedding'. */
const KEEP_ED = new Set(['embedded']);

/** Strips -ing and -ed from longer words so 'deploying', 'deployed' and 'deploy' meet; undoubles 'modell'. */
function stemVerb(w: string): string {
  if (w.length < 6 || KEEP_ED.has(w)) return w;
  let base = w;
  if (w.endsWith('ing')) base = w.slice(0, -3);
  else if (w.endsWith('ed') && !w.endsWith('eed')) base = w.slice(0, -2);
  else return w;
  if (base.length < 3) return w;
  if (/([b-df-hj-np-tv-z])\1$/.test(base) && !base.endsWith('ss')) base = base.slice(0, -1);
  return base;
}

/** Splits text into word tokens (letters and digits), lower-cased and stemmed, with offsets into the input. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    out.push({ norm: stem(m[0]), start, end: start + m[0].length });
  }
  return out;
}

/** Normalised form of a short phrase: tokens joined by single spaces (no synonyms applied). */
export function normalizePhrase(phrase: string): string {
  return tokenize(phrase)
    .map((t) => t.norm)
    .join(' ');
}

/** A compiled synonym table: variant token sequences (longest first at a position) mapped to canonical tokens. */
export interface SynonymTable {
  byFirst: Map<string, { variant: string[]; canonical: string[] }[]>;
}

/** Builds a synonym table from canonical forms and their variants (both written as plain phrases). */
export function compileSynonyms(entries: readonly { canonical: string; variants: readonly string[] }[]): SynonymTable {
  const byFirst = new Map<string, { variant: string[]; canonical: string[] }[]>();
  for (const entry of entries) {
    const canonical = tokenize(entry.canonical).map((t) => t.norm);
    if (canonical.length === 0) continue;
    for (const raw of entry.variants) {
      const variant = tokenize(raw).map((t) => t.norm);
      if (variant.length === 0) continue;
      const list = byFirst.get(variant[0]) ?? [];
      list.push({ variant, canonical });
      byFirst.set(variant[0], list);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.variant.length - a.variant.length);
  return { byFirst };
}

/** Replaces synonym variants by their canonical tokens; canonical tokens carry the span of the variant they replace. */
export function applySynonyms(tokens: readonly Token[], table: SynonymTable): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < tokens.length) {
    const candidates = table.byFirst.get(tokens[i].norm);
    let replaced = false;
    if (candidates) {
      for (const { variant, canonical } of candidates) {
        if (i + variant.length > tokens.length) continue;
        let ok = true;
        for (let k = 1; k < variant.length; k++) {
          if (tokens[i + k].norm !== variant[k]) {
            ok = false;
            break;
          }
        }
        if (!ok) continue;
        const start = tokens[i].start;
        const end = tokens[i + variant.length - 1].end;
        for (const norm of canonical) out.push({ norm, start, end });
        i += variant.length;
        replaced = true;
        break;
      }
    }
    if (!replaced) {
      out.push(tokens[i]);
      i += 1;
    }
  }
  return out;
}

/** Tokenises and applies synonyms: the form both texts and phrases are compared in. */
export function canonicalTokens(text: string, table: SynonymTable): Token[] {
  return applySynonyms(tokenize(text), table);
}

/**
 * The token sequences that match one phrase: its canonical form and, for a multi-word phrase,
 * the same words written as one ('fine tuning' also matches 'finetuning').
 */
export function phraseAlternatives(phrase: string, table: SynonymTable): string[][] {
  const seq = canonicalTokens(phrase, table).map((t) => t.norm);
  if (seq.length === 0) return [];
  const alts = [seq];
  if (seq.length > 1) {
    const joined = stem(seq.join(''));
    alts.push([joined]);
  }
  return alts;
}

/** One place a phrase occurs in a token stream, with the original character span. */
export interface PhraseHit {
  first: number;
  last: number;
  start: number;
  end: number;
}

/** Index of token positions by token, so phrase lookup is proportional to the hits, not the text. */
export function indexTokens(tokens: readonly Token[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  tokens.forEach((t, i) => {
    const list = index.get(t.norm);
    if (list) list.push(i);
    else index.set(t.norm, [i]);
  });
  return index;
}

/** All occurrences of a token sequence in the token stream. */
export function findSequence(tokens: readonly Token[], index: Map<string, number[]>, seq: readonly string[]): PhraseHit[] {
  const starts = index.get(seq[0]);
  if (!starts) return [];
  const hits: PhraseHit[] = [];
  for (const i of starts) {
    if (i + seq.length > tokens.length) continue;
    let ok = true;
    for (let k = 1; k < seq.length; k++) {
      if (tokens[i + k].norm !== seq[k]) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // Synonym expansion gives several tokens one span; skip hits that end inside a replaced span.
    const last = i + seq.length - 1;
    if (last + 1 < tokens.length && tokens[last + 1].start === tokens[last].start && tokens[last + 1].end === tokens[last].end) continue;
    if (i > 0 && tokens[i - 1].start === tokens[i].start && tokens[i - 1].end === tokens[i].end) continue;
    hits.push({ first: i, last, start: tokens[i].start, end: tokens[last].end });
  }
  return hits;
}
