export {
  KebabKey,
  SpecializationDef,
  Taxonomy,
  TaxonomyExtension,
  Rubric,
  RubricAttribute,
  SENIORITY_LEVELS,
  parseTaxonomy,
  parseRubric,
  defaultTaxonomy,
  defaultRubric,
  specializationKeys,
  getSpecialization,
  mergeTaxonomy,
  rubricAttributesFor,
} from './taxonomy.js';
export type { Seniority, SeniorityLevel } from './taxonomy.js';
export { compileTaxonomy } from './compile.js';
export type { CompiledTaxonomy, CompiledSpecialization, CompiledPhrase, ScoringParams } from './compile.js';
export { tokenize, stem, normalizePhrase, canonicalTokens, compileSynonyms, applySynonyms, phraseAlternatives, indexTokens, findSequence } from './text.js';
export type { Token, SynonymTable, PhraseHit } from './text.js';
