import { defaultRubric, defaultTaxonomy, rubricAttributesFor, type Rubric, type Taxonomy } from '../taxonomy/index.js';

/** One attribute a scorecard covers, with its 1-4 anchors. */
export interface TemplateAttribute {
  id: string;
  name: string;
  description: string;
  anchors: { '1': string; '2': string; '3': string; '4': string };
}

/** The scorecard template of a role: the rubric attributes its specializations call for. */
export interface ScorecardTemplate {
  rubricId: string;
  rubricVersion: string;
  scale: { '1': string; '2': string; '3': string; '4': string };
  /** The role's specializations the template was built from. */
  specializations: string[];
  attributes: TemplateAttribute[];
  /** True when no specialization mapped to an attribute and the whole rubric is used instead. */
  fallback: boolean;
}

/**
 * The scorecard template for a role's specializations: the taxonomy's specialization -> attribute mapping
 * applied to the rubric, in rubric order. A role whose specializations map to nothing gets the whole
 * rubric, so an interviewer always has something to rate.
 * @example buildScorecardTemplate(['mlops']).attributes.map((a) => a.id)
 */
export function buildScorecardTemplate(
  specializations: readonly string[],
  taxonomy: Taxonomy = defaultTaxonomy(),
  rubric: Rubric = defaultRubric(),
): ScorecardTemplate {
  const mapped = rubricAttributesFor(specializations, taxonomy, rubric);
  const attributes = (mapped.length > 0 ? mapped : rubric.attributes).map((a) => ({
    id: a.id,
    name: a.name,
    description: a.description,
    anchors: { ...a.anchors },
  }));
  return {
    rubricId: rubric.id,
    rubricVersion: rubric.version,
    scale: { ...rubric.scale },
    specializations: [...specializations],
    attributes,
    fallback: mapped.length === 0,
  };
}
