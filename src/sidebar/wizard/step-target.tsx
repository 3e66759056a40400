/* Step 4: baseline (with the data's suggestion), target, deadline, frequency, benchmark. */
import { h, Fragment } from '../ui/view';
import { formatValue } from '../../core/kpi/format';
import { FREQUENCIES, UNITS } from '../../core/kpi/model';
import { numberText } from '../form';
import { textIn } from '../i18n';
import { edit } from './actions';
import { KpiSelect, KpiText } from './kpi-fields';
import type { StepProps } from './step-props';

/** "Suggested from the data: 127 €" with a button that types it in. */
function Suggestion(props: StepProps) {
  const { s, w, session, report } = props;
  const t = textIn(s.lang);
  const value = report.suggestedBaseline ?? report.stats.latest;
  const unit = UNITS.find((u) => u === w.form.unit);
  return (
    <p class="suggestion" data-testid="baseline-suggestion">
      {value === null ? null : (
        <>
          <span>{t.suggestedBaseline(formatValue(value, unit, s.lang, w.form.unitLabel))} </span>
          <button
            type="button"
            class="link"
            id="use-baseline"
            onClick={() => edit(session, 'baseline', numberText(value, w.form.unit, s.lang))}
          >
            {t.useSuggestion}
          </button>
        </>
      )}
    </p>
  );
}

export function StepTarget(props: StepProps) {
  const t = textIn(props.s.lang);
  return (
    <div class="step-body">
      <KpiText {...props} field="baseline" optional extra={<Suggestion {...props} />} />
      <KpiText {...props} field="target" hint={t.targetHint} />
      <KpiText {...props} field="deadline" date />
      <KpiSelect
        {...props}
        field="frequency"
        options={FREQUENCIES.map((d) => ({ value: d, label: t.frequencies[d] }))}
      />
      <KpiText {...props} field="benchmark" optional hint={t.benchmarkHint} />
    </div>
  );
}
