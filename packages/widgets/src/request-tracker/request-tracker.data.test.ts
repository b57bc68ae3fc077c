import { describe, expect, it } from 'vitest';
import { markedSteps, mayReopen, normalizeCode, ownRequest } from './request-tracker.data.js';

describe('the tracker’s rules', () => {
  it('reads a code as the API does', () => {
    expect(normalizeCode(' gz23abc ')).toBe('GZ23ABC');
    expect(normalizeCode('GZ-1')).toBeNull();
    expect(normalizeCode('')).toBeNull();
  });

  it('marks the steps where the level rose (网格 → 社区 → 街道)', () => {
    const at = '2026-11-23T10:00:00Z';
    const steps = markedSteps([
      { move: 'submit', toState: 'SUBMITTED', level: 'GRID', at },
      { move: 'escalate', toState: 'SUBMITTED', level: 'COMMUNITY', at },
      { move: 'dispatch', toState: 'DISPATCHED', level: 'COMMUNITY', at },
      { move: 'escalate', toState: 'DISPATCHED', level: 'STREET', at },
    ]);
    expect(steps.map((step) => step.rise)).toEqual([false, true, false, true]);
  });

  it('knows the reporter’s own request, and the 7-day reopening window', () => {
    const mine = { yours: true, request: { id: 'R', resolvedAt: '2026-11-20T00:00:00Z', rating: null } };
    expect(ownRequest(mine)).toEqual({ id: 'R', resolvedAt: '2026-11-20T00:00:00Z', rating: null });
    expect(ownRequest({ yours: false, request: null })).toBeNull();
    expect(ownRequest(null)).toBeNull();
    const now = Date.parse('2026-11-23T00:00:00Z');
    expect(mayReopen('RESOLVED', '2026-11-20T00:00:00Z', now)).toBe(true);
    expect(mayReopen('RATED', '2026-11-10T00:00:00Z', now)).toBe(false);
    expect(mayReopen('CLOSED', '2026-11-20T00:00:00Z', now)).toBe(false);
  });
});
