import { DEFAULT_CONFIG } from '../../../src/core/history/schedule';
import {
  blocks,
  decodeConfig,
  decodeLease,
  decodeTriggerRecord,
  encodeConfig,
  encodeLease,
  encodeTriggerRecord,
} from '../../../src/core/storage/refresh-state';

describe('the config row of the state sheet', () => {
  const config = { schedule: { kind: 'daily' as const, hour: 7 }, layout: 'overall' as const, spreadsheetId: 'ss1' };
  const runner = { trigger: '1000001', user: 'ab12', since: '2026-06-01T04:00:00.000Z' };
  test('round trip, with its runner', () => {
    expect(decodeConfig(encodeConfig(config, runner))).toEqual({ config, runner, unreadable: false });
    expect(decodeConfig(encodeConfig(config, null))).toEqual({ config, runner: null, unreadable: false });
  });
  test('absent: the defaults, readable (never set)', () => {
    expect(decodeConfig('')).toEqual({ config: DEFAULT_CONFIG, runner: null, unreadable: false });
    expect(decodeConfig(undefined).unreadable).toBe(false);
  });
  test('edited by hand into something else: unreadable, so a trigger never takes it for "off"', () => {
    expect(decodeConfig('{not json').unreadable).toBe(true);
    expect(decodeConfig(JSON.stringify({ v: 1, schedule: { kind: 'daily', hour: 31 } })).unreadable).toBe(true);
    expect(decodeConfig('[1,2]').unreadable).toBe(true);
  });
  test('a runner without a trigger id is no runner', () => {
    expect(
      decodeConfig(JSON.stringify({ v: 1, schedule: { kind: 'hourly' }, runner: { user: 'x' } })).runner,
    ).toBeNull();
  });
});

describe('the lease of a run in progress', () => {
  const lease = { user: 'ab12', start: '2026-06-01T07:00:00+02:00', until: 1_000 };
  test('round trip; junk reads as none', () => {
    expect(decodeLease(encodeLease(lease))).toEqual(lease);
    for (const junk of ['', 'x', '{}', '{"until":"soon"}', '{"until":null}']) expect(decodeLease(junk)).toBeNull();
  });
  test("blocks while live, and only another user's runs", () => {
    expect(blocks(lease, 999, 'cd34')).toBe(true);
    expect(blocks(lease, 999, null)).toBe(true);
    expect(blocks(lease, 1_000, 'cd34')).toBe(false); // stale: that run was cut short
    expect(blocks(lease, 999, 'ab12')).toBe(false); // mine: my user lock already serialises my runs
    expect(blocks(null, 0, null)).toBe(false);
  });
});

describe("a trigger's record in user properties", () => {
  test('the id alone while the spreadsheet opens (as earlier versions stored it); JSON while it fails', () => {
    expect(encodeTriggerRecord({ spreadsheetId: 'ss-1', failingSince: null })).toBe('ss-1');
    expect(decodeTriggerRecord('ss-1')).toEqual({ spreadsheetId: 'ss-1', failingSince: null });
    const failing = { spreadsheetId: 'ss-1', failingSince: 5 };
    expect(decodeTriggerRecord(encodeTriggerRecord(failing))).toEqual(failing);
    for (const junk of [null, '', '{"id":""}', 'a b']) expect(decodeTriggerRecord(junk)).toBeNull();
  });
});
