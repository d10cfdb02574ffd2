import { describe, expect, it } from 'vitest';
import { projectApplication, type StoredTimedEvent } from './application-view.js';

const now = new Date('2026-11-02T12:00:00.000Z');
const at = (day: number) => `2026-10-${String(day).padStart(2, '0')}T10:00:00.000Z`;
const received: StoredTimedEvent = { type: 'application.received', occurredAt: at(1), data: { source: 'inbound' } };

describe('projectApplication', () => {
  it('keeps the stage it was created at until a stage change, and is active', () => {
    expect(projectApplication({ stage: 'screen' }, [received], now)).toEqual({ stage: 'screen', status: 'active', lossReason: null, closedAt: null });
  });

  it('takes the stage from the latest stage change', () => {
    const history: StoredTimedEvent[] = [received, { type: 'stage.changed', occurredAt: at(3), data: { from: 'screen', to: 'onsite' } }];
    expect(projectApplication({ stage: 'screen' }, history, now).stage).toBe('onsite');
  });

  it('a lost application keeps its loss reason and the time it closed', () => {
    const history: StoredTimedEvent[] = [received, { type: 'application.closed', occurredAt: at(4), data: { status: 'lost', lossReason: 'compensation' } }];
    expect(projectApplication({ stage: 'screen' }, history, now)).toEqual({ stage: 'screen', status: 'lost', lossReason: 'compensation', closedAt: at(4) });
  });

  it('an accepted offer counts as hired; a withdrawal has no loss reason', () => {
    const hired = projectApplication({ stage: 'offer' }, [received, { type: 'offer.accepted', occurredAt: at(5), data: { offerId: 'o1' } }], now);
    expect(hired).toMatchObject({ status: 'hired', closedAt: at(5), lossReason: null });
    const withdrew = projectApplication({ stage: 'screen' }, [received, { type: 'candidate.withdrew', occurredAt: at(6), data: { reason: 'Took another job' } }], now);
    expect(withdrew).toMatchObject({ status: 'withdrawn', closedAt: at(6), lossReason: null });
  });

  it('reopening clears the close and moves to the stage it reopens at', () => {
    const history: StoredTimedEvent[] = [
      received,
      { type: 'application.closed', occurredAt: at(4), data: { status: 'lost', lossReason: 'compensation' } },
      { type: 'application.reopened', occurredAt: at(8), data: { stage: 'screen' } },
    ];
    expect(projectApplication({ stage: 'screen' }, history, now)).toEqual({ stage: 'screen', status: 'active', lossReason: null, closedAt: null });
  });

  it('leaves out events after now', () => {
    const history: StoredTimedEvent[] = [received, { type: 'application.closed', occurredAt: '2026-11-03T10:00:00.000Z', data: { status: 'lost', lossReason: 'compensation' } }];
    expect(projectApplication({ stage: 'screen' }, history, now)).toEqual({ stage: 'screen', status: 'active', lossReason: null, closedAt: null });
  });
});
