import { z } from 'zod';
import type { ScorecardTemplate } from '../../../domain/interviews/index.js';

/** A role's scorecard template as interviews and scorecards show it. */
const Anchors = z.object({ '1': z.string(), '2': z.string(), '3': z.string(), '4': z.string() });

export const TemplateView = z.object({
  rubricId: z.string(),
  rubricVersion: z.string(),
  scale: Anchors,
  specializations: z.array(z.string()),
  attributes: z.array(z.object({ id: z.string(), name: z.string(), description: z.string(), anchors: Anchors })),
  fallback: z.boolean(),
});

export function presentTemplate(t: ScorecardTemplate): z.infer<typeof TemplateView> {
  return {
    rubricId: t.rubricId,
    rubricVersion: t.rubricVersion,
    scale: t.scale,
    specializations: t.specializations,
    attributes: t.attributes.map((a) => ({ id: a.id, name: a.name, description: a.description, anchors: a.anchors })),
    fallback: t.fallback,
  };
}
