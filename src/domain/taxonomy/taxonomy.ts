import { z } from 'zod';
import taxonomyData from '../../../data/taxonomy/taxonomy.json' with { type: 'json' };
import rubricData from '../../../data/taxonomy/rubric.json' with { type: 'json' };
import { DomainError } from '../shared/errors.js';

/** Specialization keys, attribute ids and extension ids are kebab-case (taxonomy.md). */
export const KebabKey = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case');

const PhraseWeights = z.record(z.string().min(1).max(200), z.number().min(0).max(10));
const Param = z.object({ value: z.number(), source: z.string(), note: z.string().optional() });

export const SpecializationDef = z.object({
  key: KebabKey,
  name: z.string().min(1),
  core: z.string().min(1),
  competencies: z.array(z.string().min(1)),
  rubricAttributes: z.array(KebabKey),
  anchors: PhraseWeights,
  support: PhraseWeights,
  /** Phrases of other specializations that are this one's method, not a second job (research in safety research). */
  absorbs: z.record(KebabKey, z.array(z.string().min(1))).optional(),
  /** Where the phrase list comes from and which assumptions it makes (data provenance, never read by code). */
  note: z.string().optional(),
});
export type SpecializationDef = z.infer<typeof SpecializationDef>;

const Synonym = z.object({ canonical: z.string().min(1), variants: z.array(z.string().min(1)) });

import { SENIORITY_LEVELS, type SeniorityLevel } from './lists.js';

export { SENIORITY_LEVELS, type SeniorityLevel } from './lists.js';
/** What the analyser reports: a level, or 'unknown' when the posting says nothing usable. */
export type Seniority = SeniorityLevel | 'unknown';

export const Taxonomy = z.object({
  id: KebabKey,
  version: z.string().min(1),
  description: z.string().optional(),
  source: z.string().optional(),
  specializations: z.array(SpecializationDef).min(1),
  synonyms: z.array(Synonym),
  ignore: z.object({ description: z.string().optional(), phrases: z.array(z.string().min(1)) }),
  sections: z.object({
    description: z.string().optional(),
    niceToHave: z.array(z.string()),
    boilerplate: z.array(z.string()),
    duties: z.array(z.string()),
    inlineNiceToHave: z.array(z.string()),
    collaboration: z.array(z.string()),
    /** Sentence markers that negate the evidence in their sentence ('not required'). */
    inlineNegation: z.array(z.string()).optional(),
    /** Sentence markers of a company introduction without a heading ('we're building', 'backed by'). */
    inlineCompany: z.array(z.string()).optional(),
    note: z.string().optional(),
  }),
  seniority: z.object({
    levels: z.array(z.enum(SENIORITY_LEVELS)),
    titleWords: z.record(z.enum(SENIORITY_LEVELS), z.array(z.string())),
    /** Title phrases whose words are not a level ('Member of Technical Staff' is not 'Staff'). */
    titleIgnore: z.array(z.string()).optional(),
    yearBands: z.array(z.object({ maxYears: z.number().min(0), level: z.enum(SENIORITY_LEVELS) })).min(1),
    managementPhrases: z.array(z.string()),
    source: z.string(),
    note: z.string().optional(),
  }),
  scoring: z.object({
    source: z.string(),
    note: z.string().optional(),
    repeatWeight: Param,
    maxRepeats: Param,
    titleMultiplier: Param,
    niceToHaveMultiplier: Param,
    boilerplateMultiplier: Param,
    collaborationMultiplier: Param,
    /** How much evidence in a negated sentence counts (0 when absent). */
    negatedMultiplier: Param.optional(),
    supportOnlyMultiplier: Param,
    saturation: Param,
    coreMinRaw: Param,
    coreMinAnchors: Param,
    coreRelative: Param,
    spansTooManyAt: Param,
  }),
});
export type Taxonomy = z.infer<typeof Taxonomy>;

/** A company's additions to a taxonomy: new specializations, extra phrases (weight 0 removes one), synonyms. */
export const TaxonomyExtension = z.strictObject({
  id: KebabKey,
  version: z.string().min(1).max(40).optional(),
  specializations: z
    .array(
      z.strictObject({
        key: KebabKey,
        name: z.string().min(1).max(200).optional(),
        core: z.string().min(1).max(500).optional(),
        competencies: z.array(z.string().min(1).max(200)).optional(),
        rubricAttributes: z.array(KebabKey).optional(),
        anchors: PhraseWeights.optional(),
        support: PhraseWeights.optional(),
        absorbs: z.record(KebabKey, z.array(z.string().min(1).max(200))).optional(),
      }),
    )
    .optional(),
  synonyms: z.array(z.strictObject({ canonical: z.string().min(1).max(200), variants: z.array(z.string().min(1).max(200)) })).optional(),
  ignore: z.array(z.string().min(1).max(200)).optional(),
});
export type TaxonomyExtension = z.infer<typeof TaxonomyExtension>;

export const RubricAttribute = z.object({
  id: KebabKey,
  name: z.string().min(1),
  description: z.string().min(1),
  anchors: z.object({ '1': z.string().min(1), '2': z.string().min(1), '3': z.string().min(1), '4': z.string().min(1) }),
});
export type RubricAttribute = z.infer<typeof RubricAttribute>;

export const Rubric = z.object({
  id: KebabKey,
  version: z.string().min(1),
  description: z.string().optional(),
  source: z.string().optional(),
  scale: z.object({ '1': z.string(), '2': z.string(), '3': z.string(), '4': z.string() }),
  evidenceRequired: z.boolean(),
  attributes: z.array(RubricAttribute).min(1),
});
export type Rubric = z.infer<typeof Rubric>;

function invalid(error: z.ZodError, what: string): DomainError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  return new DomainError('TAXONOMY_INVALID', `${what}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}`, field);
}

/** Validates a taxonomy document; throws DomainError TAXONOMY_INVALID. Also checks keys are unique. */
export function parseTaxonomy(input: unknown): Taxonomy {
  const parsed = Taxonomy.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'Taxonomy');
  const seen = new Set<string>();
  for (const s of parsed.data.specializations) {
    if (seen.has(s.key)) throw new DomainError('TAXONOMY_INVALID', `Taxonomy: duplicate specialization key '${s.key}'`, 'specializations');
    seen.add(s.key);
  }
  return parsed.data;
}

/** Validates a rubric document; throws DomainError TAXONOMY_INVALID. */
export function parseRubric(input: unknown): Rubric {
  const parsed = Rubric.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error, 'Rubric');
  return parsed.data;
}

const DEFAULT_TAXONOMY = deepFreeze(parseTaxonomy(taxonomyData));
const DEFAULT_RUBRIC = deepFreeze(parseRubric(rubricData));

/** The shipped taxonomy (data/taxonomy/taxonomy.json), validated and frozen. */
export function defaultTaxonomy(): Taxonomy {
  return DEFAULT_TAXONOMY;
}

/** The shipped scorecard rubric (data/taxonomy/rubric.json), validated and frozen. */
export function defaultRubric(): Rubric {
  return DEFAULT_RUBRIC;
}

/** Keys of the taxonomy's specializations, in taxonomy order. */
export function specializationKeys(taxonomy: Taxonomy = DEFAULT_TAXONOMY): string[] {
  return taxonomy.specializations.map((s) => s.key);
}

/** The specialization with that key, or undefined. */
export function getSpecialization(key: string, taxonomy: Taxonomy = DEFAULT_TAXONOMY): SpecializationDef | undefined {
  return taxonomy.specializations.find((s) => s.key === key);
}

/**
 * Merges a company extension into a taxonomy without touching the base: adds specializations,
 * adds or re-weights phrases (weight 0 removes a phrase), adds competencies, rubric attributes,
 * synonyms and ignore phrases. The result's version is `base+extension`.
 * @example mergeTaxonomy(defaultTaxonomy(), { id: 'acme', specializations: [{ key: 'mlops', anchors: { 'acme-flow': 1 } }] })
 */
export function mergeTaxonomy(base: Taxonomy, extensionInput: unknown): Taxonomy {
  const ext = TaxonomyExtension.safeParse(extensionInput);
  if (!ext.success) throw invalid(ext.error, 'Taxonomy extension');
  const extension = ext.data;
  const specializations: SpecializationDef[] = base.specializations.map((s) => ({
    ...s,
    competencies: [...s.competencies],
    rubricAttributes: [...s.rubricAttributes],
    anchors: { ...s.anchors },
    support: { ...s.support },
    ...(s.absorbs ? { absorbs: Object.fromEntries(Object.entries(s.absorbs).map(([k, v]) => [k, [...v]])) } : {}),
  }));
  for (const add of extension.specializations ?? []) {
    let target = specializations.find((s) => s.key === add.key);
    if (!target) {
      if (!add.name || !add.core) {
        throw new DomainError(
          'TAXONOMY_INVALID',
          `Taxonomy extension: new specialization '${add.key}' needs a name and a core description`,
          'specializations',
        );
      }
      target = { key: add.key, name: add.name, core: add.core, competencies: [], rubricAttributes: [], anchors: {}, support: {} };
      specializations.push(target);
    }
    if (add.name) target.name = add.name;
    if (add.core) target.core = add.core;
    for (const c of add.competencies ?? []) if (!target.competencies.includes(c)) target.competencies.push(c);
    for (const r of add.rubricAttributes ?? []) if (!target.rubricAttributes.includes(r)) target.rubricAttributes.push(r);
    mergeWeights(target.anchors, add.anchors);
    mergeWeights(target.support, add.support);
    for (const [key, phrases] of Object.entries(add.absorbs ?? {})) {
      const absorbs = (target.absorbs ??= {});
      absorbs[key] = [...new Set([...(absorbs[key] ?? []), ...phrases])];
    }
  }
  const merged = {
    ...base,
    id: base.id,
    version: `${base.version}+${extension.id}${extension.version ? `.${extension.version}` : ''}`,
    specializations,
    synonyms: [...base.synonyms, ...(extension.synonyms ?? [])],
    ignore: { ...base.ignore, phrases: [...base.ignore.phrases, ...(extension.ignore ?? [])] },
  };
  return parseTaxonomy(merged);
}

function mergeWeights(target: Record<string, number>, add: Record<string, number> | undefined): void {
  for (const [phrase, weight] of Object.entries(add ?? {})) {
    if (weight === 0) delete target[phrase];
    else target[phrase] = weight;
  }
}

/**
 * The rubric attributes a role's scorecards cover, from its specializations (taxonomy mapping),
 * in rubric order. Unknown attribute ids in the taxonomy are ignored.
 */
export function rubricAttributesFor(
  specializations: readonly string[],
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
  rubric: Rubric = DEFAULT_RUBRIC,
): RubricAttribute[] {
  const wanted = new Set<string>();
  for (const key of specializations) for (const id of getSpecialization(key, taxonomy)?.rubricAttributes ?? []) wanted.add(id);
  return rubric.attributes.filter((a) => wanted.has(a.id));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
