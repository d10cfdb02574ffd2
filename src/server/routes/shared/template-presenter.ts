import type { ScorecardTemplate } from '../../../domain/interviews/index.js';
import type { TemplateView } from '../../../api/interviews.js';

/** A role's scorecard template as interviews and scorecards show it. */
export function presentTemplate(t: ScorecardTemplate): TemplateView {
  return {
    rubricId: t.rubricId,
    rubricVersion: t.rubricVersion,
    scale: t.scale,
    specializations: t.specializations,
    attributes: t.attributes.map((a) => ({ id: a.id, name: a.name, description: a.description, anchors: a.anchors })),
    fallback: t.fallback,
  };
}
