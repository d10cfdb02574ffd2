import { describe, expect, it } from 'vitest';
import { RECOMMENDATIONS as DOMAIN_RECOMMENDATIONS } from '../../domain/interviews/scorecard.js';
import { BOTTLENECKS as DOMAIN_BOTTLENECKS } from '../../domain/scoping/team-plan.js';
import { SENIORITY_LEVELS } from '../../domain/taxonomy/taxonomy.js';
import { RECOMMENDATIONS } from './interviews/api.js';
import { BOTTLENECKS, MEMBER_SENIORITIES } from './team/api.js';

describe('lists the pages repeat from the domain', () => {
  it('equal the domain lists (the domain modules import zod, which the page chunks do without)', () => {
    expect(RECOMMENDATIONS).toEqual(DOMAIN_RECOMMENDATIONS);
    expect(BOTTLENECKS).toEqual(DOMAIN_BOTTLENECKS);
    expect(MEMBER_SENIORITIES).toEqual(SENIORITY_LEVELS);
  });
});
