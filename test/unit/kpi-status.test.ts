import { elapsedShare, kpiStatus } from '../../src/core/kpi/status';

const base = {
  baseline: 100,
  firstValue: 100,
  target: 200,
  direction: 'higher' as const,
  start: '2026-01-01',
  deadline: '2027-01-01',
  today: '2026-07-02',
};

test('elapsed share of the way to the deadline', () => {
  expect(elapsedShare('2026-01-01', '2027-01-01', '2026-07-02')).toBeCloseTo(182 / 365, 12);
  expect(elapsedShare('2026-01-01', '2027-01-01', '2025-06-01')).toBe(0);
  expect(elapsedShare('2026-01-01', '2027-01-01', '2028-01-01')).toBe(1);
  expect(elapsedShare(null, '2027-01-01', '2026-01-01')).toBeNull();
});

test.each([
  // half the time elapsed (182/365 ≈ 0.4986): on track within 10 points, at risk within 25
  [150, 'on_track'],
  [141, 'on_track'], // progress 0.41, behind by 0.089
  [139, 'at_risk'], // progress 0.39, behind by 0.109
  [125, 'at_risk'], // behind by 0.249
  [124, 'off_track'],
  [200, 'achieved'],
  [250, 'achieved'],
])('higher is better: latest %d → %s', (latest, status) => {
  expect(kpiStatus({ ...base, latest }).status).toBe(status);
});

test('lower is better is symmetric', () => {
  const lower = { ...base, baseline: 10, firstValue: 10, target: 5, direction: 'lower' as const };
  expect(kpiStatus({ ...lower, latest: 7.5 }).status).toBe('on_track'); // progress 0.5
  expect(kpiStatus({ ...lower, latest: 9 }).status).toBe('off_track'); // progress 0.2
  expect(kpiStatus({ ...lower, latest: 4 }).status).toBe('achieved');
});

test('past the deadline and not reached is off track; no value is no data; a value without target is no target', () => {
  expect(kpiStatus({ ...base, today: '2027-02-01', latest: 199 }).status).toBe('off_track');
  expect(kpiStatus({ ...base, latest: null }).status).toBe('no_data');
  expect(kpiStatus({ ...base, target: null, latest: 120 }).status).toBe('no_target');
  expect(kpiStatus({ ...base, target: null, latest: null }).status).toBe('no_data');
});

test('the first value stands in for a missing baseline', () => {
  expect(kpiStatus({ ...base, baseline: null, firstValue: 100, latest: 150 })).toMatchObject({
    status: 'on_track',
    progress: 0.5,
  });
});
