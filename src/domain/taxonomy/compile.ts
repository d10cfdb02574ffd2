import type { SeniorityLevel, Taxonomy } from './taxonomy.js';
import { compileSynonyms, phraseAlternatives, type SynonymTable } from './text.js';

/** One evidence phrase, ready to match: the phrase as written in the taxonomy and its token sequences. */
export interface CompiledPhrase {
  /** Canonical token sequence joined by spaces: the phrase's identity after normalisation. */
  id: string;
  phrase: string;
  alternatives: string[][];
  weight: number;
  anchor: boolean;
  length: number;
}

export interface CompiledSpecialization {
  key: string;
  name: string;
  phrases: CompiledPhrase[];
  /** Other specialization key -> ids (canonical token sequences) of its phrases this one absorbs when core. */
  absorbs: Map<string, Set<string>>;
}

/** Plain numbers of the taxonomy's scoring block. */
export interface ScoringParams {
  repeatWeight: number;
  maxRepeats: number;
  titleMultiplier: number;
  niceToHaveMultiplier: number;
  boilerplateMultiplier: number;
  collaborationMultiplier: number;
  negatedMultiplier: number;
  supportOnlyMultiplier: number;
  saturation: number;
  coreMinRaw: number;
  coreMinAnchors: number;
  coreRelative: number;
  spansTooManyAt: number;
}

/** A taxonomy turned into token sequences once, so analysing a posting does no string work on the taxonomy. */
export interface CompiledTaxonomy {
  taxonomy: Taxonomy;
  synonyms: SynonymTable;
  specializations: CompiledSpecialization[];
  ignore: string[][];
  titleWords: { level: SeniorityLevel; seq: string[] }[];
  titleIgnore: string[][];
  managementPhrases: string[][];
  scoring: ScoringParams;
}

const cache = new WeakMap<Taxonomy, CompiledTaxonomy>();

/** Compiles (and caches per taxonomy object) the phrase lists, synonyms and scoring of a taxonomy. */
export function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const hit = cache.get(taxonomy);
  if (hit) return hit;
  const synonyms = compileSynonyms(taxonomy.synonyms);
  const specializations = taxonomy.specializations.map((s) => {
    const byKey = new Map<string, CompiledPhrase>();
    const add = (phrase: string, weight: number, anchor: boolean) => {
      const alternatives = phraseAlternatives(phrase, synonyms);
      if (alternatives.length === 0 || weight <= 0) return;
      const id = alternatives[0].join(' ');
      const existing = byKey.get(id);
      // Two phrases that normalise alike are one piece of evidence: keep the stronger reading.
      if (existing && (existing.anchor || !anchor) && existing.weight >= weight) return;
      byKey.set(id, { id, phrase, alternatives, weight, anchor: anchor || (existing?.anchor ?? false), length: alternatives[0].length });
    };
    for (const [phrase, weight] of Object.entries(s.anchors)) add(phrase, weight, true);
    for (const [phrase, weight] of Object.entries(s.support)) add(phrase, weight, false);
    const phrases = [...byKey.values()].sort((a, b) => b.length - a.length || b.weight - a.weight);
    const absorbs = new Map<string, Set<string>>();
    for (const [other, list] of Object.entries(s.absorbs ?? {})) {
      absorbs.set(other, new Set(list.flatMap((p) => phraseAlternatives(p, synonyms).slice(0, 1).map((seq) => seq.join(' ')))));
    }
    return { key: s.key, name: s.name, phrases, absorbs };
  });
  const ignore = taxonomy.ignore.phrases.flatMap((p) => phraseAlternatives(p, synonyms));
  const titleWords = Object.entries(taxonomy.seniority.titleWords).flatMap(([level, words]) =>
    (words ?? []).flatMap((w) => phraseAlternatives(w, synonyms).slice(0, 1).map((seq) => ({ level: level as SeniorityLevel, seq }))),
  );
  const titleIgnore = (taxonomy.seniority.titleIgnore ?? []).flatMap((p) => phraseAlternatives(p, synonyms).slice(0, 1));
  const managementPhrases = taxonomy.seniority.managementPhrases.flatMap((p) => phraseAlternatives(p, synonyms).slice(0, 1));
  const sc = taxonomy.scoring;
  const compiled: CompiledTaxonomy = {
    taxonomy,
    synonyms,
    specializations,
    ignore,
    titleWords,
    titleIgnore,
    managementPhrases,
    scoring: {
      repeatWeight: sc.repeatWeight.value,
      maxRepeats: sc.maxRepeats.value,
      titleMultiplier: sc.titleMultiplier.value,
      niceToHaveMultiplier: sc.niceToHaveMultiplier.value,
      boilerplateMultiplier: sc.boilerplateMultiplier.value,
      collaborationMultiplier: sc.collaborationMultiplier.value,
      negatedMultiplier: sc.negatedMultiplier?.value ?? 0,
      supportOnlyMultiplier: sc.supportOnlyMultiplier.value,
      saturation: sc.saturation.value,
      coreMinRaw: sc.coreMinRaw.value,
      coreMinAnchors: sc.coreMinAnchors.value,
      coreRelative: sc.coreRelative.value,
      spansTooManyAt: sc.spansTooManyAt.value,
    },
  };
  cache.set(taxonomy, compiled);
  return compiled;
}
