import { describe, expect, it } from 'vitest';
import { COMPANY_STAGES, COMPANY_STAGE_LABELS, USER_ROLES, USER_ROLE_LABELS } from './types.js';

describe('web API types', () => {
  it('labels every company stage', () => {
    for (const stage of COMPANY_STAGES) expect(COMPANY_STAGE_LABELS[stage]).toBeTruthy();
  });

  it('labels every user role', () => {
    for (const role of USER_ROLES) expect(USER_ROLE_LABELS[role]).toBeTruthy();
  });
});
