/* Step 3: where the data is (a range with optional dates, or one cell), what was read, the template formula's ranges. */
import { periodData } from '../../core/kpi/kpi-series';
import { h, Fragment, type Child } from '../ui/view';
import { formatValue } from '../../core/kpi/format';
import { choiceWords, fieldLabel, type Frequency, UNITS } from '../../core/kpi/model';
import { AGGREGATIONS, aggregationOf } from '../../core/kpi/aggregation';
import { dayIso, periodStartDay } from '../../core/kpi/dates';
import type { Lang } from '../../core/i18n/lang';
import { formulaOf } from '../form';
import { formulaPlaceholders } from '../../core/kpi/templates';
import { textIn } from '../i18n';
import { BusyButton, Choice, SelectField, TextField } from '../ui/fields';
import { Sparkline } from '../ui/sparkline';
import { chooseSourceKind, edit, editInput, templatesIn, useSelection } from './actions';
import { KpiText } from './kpi-fields';
import type { StepProps } from './step-props';

function SelectionButton(props: StepProps & { target: string }) {
  const { s, session, target } = props;
  const t = textIn(s.lang);
  const main = target === 'values' || target === 'ref';
  return (
    <BusyButton
      class="selection"
      busy={s.busy.includes(`selection:${target}`)}
      busyText={t.reading}
      attrs={{ 'data-use-selection': target }}
      label={main ? undefined : `${t.useSelection} — ${fieldLabel(`source.${target}`, s.lang)}`}
      onClick={() => void useSelection(session, target)}
    >
      <span aria-hidden="true">⊞ </span>
      {main ? t.useSelection : t.useSelectionShort}
    </BusyButton>
  );
}

/** A period as a person names it: a month "févr. 2026"; a week, quarter or day by its first day "2 mars". */
const periodName = (index: number, f: Frequency, lang: Lang): string =>
  new Date(`${dayIso(periodStartDay(index, f))}T12:00:00Z`).toLocaleDateString(lang, {
    timeZone: 'UTC',
    month: 'short',
    ...(f === 'monthly' ? { year: 'numeric' } : { day: 'numeric' }),
  });

const unitOf = (u: string) => UNITS.find((x) => x === u);

function Preview(props: StepProps) {
  const { s, w } = props;
  const t = textIn(s.lang);
  const unit = unitOf(w.form.unit);
  const fmt = (n: number) => formatValue(n, unit, s.lang, w.form.unitLabel);
  const src = w.source;
  // Which source the figures are of (a formula KPI's figures may not change with its values range).
  const of = src.status === 'read' ? JSON.stringify(src.read.source) : '';
  const box = (children: Child) => (
    <section class="preview" aria-label={t.preview} data-testid="preview" data-source={of} role="status">
      {children}
    </section>
  );
  if (src.status === 'reading')
    return box(
      <p class="hint">
        <span class="spinner" aria-hidden="true" />
        {t.reading}
      </p>,
    );
  if (src.status === 'none') return box(<p class="hint">{t.previewEmpty}</p>);
  const r = src.read;
  if (r.error)
    return box(
      <p class="error" dir="auto" data-testid="preview-error">
        {r.error}
      </p>,
    );
  // One value per period, as the server aggregated the rows; the one judged is the one SMART judges (periodData).
  const p = r.series;
  const c = p.counts;
  const periods = p.values.flatMap((v, i) => (v === null ? [] : [{ index: p.first + i, value: v }]));
  const judged = periodData(p).values;
  const running = (i: number) => p.inProgress && i === p.currentIndex;
  const judgedAt = [...periods].reverse().find((x) => !(running(x.index) && judged.length < periods.length));
  const name = (i: number) => periodName(i, p.frequency, s.lang);
  const shown = periods.slice(-6);
  return box(
    <>
      <p class="preview-title">{t.preview}</p>
      <p class="preview-counts" data-testid="preview-counts">
        {t.readCounts(c.cells, c.numbers, c.blanks, c.texts)}
      </p>
      {judgedAt && judged.length ? (
        <p class="preview-latest">{t.latestValue(name(judgedAt.index), fmt(judgedAt.value))}</p>
      ) : null}
      {judged.length > 1 ? <Sparkline values={judged.filter((v): v is number => v !== null)} /> : null}
      <ol class="preview-values">
        {periods.length > shown.length ? <li>…</li> : null}
        {shown.map((x) => (
          <li key={x.index} dir="auto" class={running(x.index) ? 'running' : undefined}>
            {name(x.index)} : {fmt(x.value)}
            {running(x.index) ? ` (${t.inProgress})` : ''}
          </li>
        ))}
      </ol>
    </>,
  );
}

export function StepData(props: StepProps) {
  const { s, w, session } = props;
  const t = textIn(s.lang);
  const f = w.form;
  const tpl = templatesIn(s.lang).find((x) => x.id === f.templateId);
  const placeholders = f.formula ? formulaPlaceholders(f.formula) : [];
  const inputLabel = (name: string) => tpl?.inputs?.find((i) => i.name === name)?.label ?? name;
  const kind = (value: 'range' | 'cell', label: string) => (
    <Choice
      name="source-kind"
      id={`source-kind-${value}`}
      value={value}
      inline
      checked={f.sourceKind === value}
      onChange={() => chooseSourceKind(session, value)}
    >
      {label}
    </Choice>
  );
  const source = (key: 'values' | 'dates' | 'ref', optional: boolean) => (
    <KpiText
      {...props}
      field={key}
      as={`source.${key}`}
      optional={optional}
      placeholder={key === 'ref' ? t.rangePlaceholder.replace(/B2:/, '') : t.rangePlaceholder}
      extra={<SelectionButton {...props} target={key} />}
    />
  );
  return (
    <div class="step-body">
      <fieldset class="choices row">
        <legend>{t.sourceKind}</legend>
        {kind('range', t.sourceRange)}
        {kind('cell', t.sourceCell)}
      </fieldset>
      {f.sourceKind === 'range' ? (
        <>
          {source('values', false)}
          {source('dates', true)}
          <SelectField
            field="aggregation"
            label={fieldLabel('aggregation', s.lang)}
            options={AGGREGATIONS.map((a, i) => ({ value: a, label: choiceWords('aggregation', s.lang)[i] ?? a }))}
            value={
              f.aggregation || aggregationOf({ templateId: f.templateId, unit: unitOf(f.unit), formula: formulaOf(f) })
            }
            onChange={(v) => edit(session, 'aggregation', v, { touch: true })}
          />
        </>
      ) : (
        source('ref', false)
      )}
      <Preview {...props} />
      {placeholders.length ? (
        <fieldset class="formula-inputs">
          <legend>{t.formulaInputs}</legend>
          <p class="hint">{t.formulaInputsHint}</p>
          {placeholders.map((name) => (
            <TextField
              key={name}
              field={`input.${name}`}
              label={inputLabel(name)}
              value={f.inputs[name] ?? ''}
              placeholder={t.rangePlaceholder}
              error={w.selectionErrors[`input.${name}`] ?? ''}
              extra={<SelectionButton {...props} target={`input.${name}`} />}
              onInput={(v) => editInput(session, name, v)}
            />
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
