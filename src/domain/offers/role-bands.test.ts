import { describe, expect, it } from 'vitest';
import { changedBandFields, checkApprovalDate, checkBandRanges, stageDefaultBand } from './role-bands.js';

const BAND = { baseMin: 180_000, baseMax: 220_000, equityPctMin: 0.5, equityPctMax: 1, currency: 'USD' };

describe('stageDefaultBand', () => {
  it('reads the default of a stage from data, and has none for stages without one', () => {
    expect(stageDefaultBand('series-a')).toMatchObject({ stage: 'series-a', baseMin: 220_000, baseMax: 280_000, equityPctMin: 0.25, equityPctMax: 0.75, currency: 'USD' });
    expect(stageDefaultBand('growth')).toBeNull();
    expect(stageDefaultBand('preseed')).toBeNull();
  });
});

describe('checkBandRanges', () => {
  it('accepts equal bounds and refuses a minimum above its maximum, naming the field', () => {
    expect(() => checkBandRanges({ ...BAND, baseMin: 220_000 })).not.toThrow();
    expect(() => checkBandRanges({ ...BAND, baseMin: 220_001 })).toThrow(expect.objectContaining({ code: 'MONEY_INVALID', field: 'baseMin' }));
    expect(() => checkBandRanges({ ...BAND, equityPctMin: 1.01 }, 'band.')).toThrow(expect.objectContaining({ code: 'EQUITY_OUT_OF_RANGE', field: 'band.equityPctMin' }));
  });
});

describe('checkApprovalDate', () => {
  it('accepts today and earlier, refuses a later day', () => {
    expect(() => checkApprovalDate('2026-11-02', '2026-11-02')).not.toThrow();
    expect(() => checkApprovalDate('2026-11-03', '2026-11-02')).toThrow(expect.objectContaining({ field: 'approvedOn' }));
  });
});

describe('changedBandFields', () => {
  it('lists every field for a new band and only the changed ones after', () => {
    const approved = { ...BAND, approvedBy: 'Board meeting', approvedOn: '2026-10-15' };
    expect(changedBandFields(undefined, approved)).toHaveLength(7);
    expect(changedBandFields(approved, { ...approved, baseMax: 230_000, approvedOn: '2026-10-16' })).toEqual(['baseMax', 'approvedOn']);
    expect(changedBandFields(approved, approved)).toEqual([]);
  });
});
