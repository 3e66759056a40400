/**
 * What the wizard's SMART review judges (periodData of the series the data step previews) is the
 * series the status rule judges: the review's "latest value" is the judged period's, the one the
 * preview names, on the real-shaped fixtures (expected values by hand in test/support/real-data.ts).
 */
import { seriesOf } from '../../../src/core/kpi/aggregation';
import { isoDay, periodIndex } from '../../../src/core/kpi/dates';
import { periodData, seriesPayload } from '../../../src/core/kpi/kpi-series';
import { checkSmart } from '../../../src/core/kpi/smart';
import { periodOfIndex } from '../../../src/core/history/periods';
import { REAL_DATA, TODAY } from '../../support/real-data';
import { columnsOf } from '../../support/real-columns';

const today = isoDay(TODAY)!;

describe('SMART judges the periods the status rule judges', () => {
  for (const set of REAL_DATA)
    for (const k of set.kpis) {
      test(`${set.sheet} · ${k.name}`, () => {
        const payload = seriesPayload(
          seriesOf(columnsOf(set, k), { frequency: k.frequency, aggregation: k.aggregation, today }),
        );
        const data = periodData(payload);
        const judged = k.expected.periods.find((p) => p.period === k.expected.judged)!;
        // The month in progress is left out unless it is judged (a stock's reading).
        const sent = k.expected.periods.filter(
          (p, i) => !(k.expected.inProgress && i === k.expected.periods.length - 1 && p !== judged),
        );
        expect(data.values).toEqual(sent.map((p) => expect.closeTo(p.value, 9)));
        const report = checkSmart(
          {
            kpi: { ...k, id: 'kpi_x', objectiveId: '', source: { kind: 'range', values: "'X'!B2:B9" } },
            otherKpis: [],
            data,
            today: TODAY,
          },
          'fr',
        );
        expect(report.stats.latest).toBeCloseTo(judged.value, 9);
        // Its date, when SMART reads dates (two periods or more): the judged period's first day.
        const latestDay = isoDay(report.stats.latestDate);
        if (data.values.length >= 2)
          expect(periodOfIndex(periodIndex(latestDay!, k.frequency), k.frequency).key).toBe(k.expected.judged);
        else expect(latestDay).toBeNull();
      });
    }
});
