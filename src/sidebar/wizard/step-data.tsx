/* Step 3: where the data is (a range with optional dates, or one cell), what was read, the template formula's ranges. */
import { periodData } from '../../core/kpi/kpi-series';
import { h, Fragment, type Child } from '../ui/view';
import { formatValue } from '../../core/kpi/format';
import { fieldLabel, UNITS } from '../../core/kpi/model';
import { formulaPlaceholders } from '../../core/kpi/templates';
import { textIn } from '../i18n';
import { BusyButton, Choice, TextField } from '../ui/fields';
import { Sparkline } from '../ui/sparkline';
import { chooseSourceKind, editInput, templatesIn, useSelection } from './actions';
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

function Preview(props: StepProps) {
  const { s, w } = props;
  const t = textIn(s.lang);
  const unit = UNITS.find((u) => u === w.form.unit);
  const fmt = (n: number) => formatValue(n, unit, s.lang, w.form.unitLabel);
  const box = (children: Child) => (
    <section class="preview" aria-label={t.preview} data-testid="preview" role="status">
      {children}
    </section>
  );
  const src = w.source;
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
  // One value per period, as the server aggregated the rows.
  const values = periodData(r.series).values;
  const c = r.series.counts;
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const cells: (string | number | boolean | null)[] =
    values.length > 6 ? [...values.slice(0, 3), '…', ...values.slice(-3)] : values;
  return box(
    <>
      <p class="preview-title">{t.preview}</p>
      <p class="preview-counts" data-testid="preview-counts">
        {t.readCounts(c.cells, c.numbers, c.blanks, c.texts)}
      </p>
      {r.latest !== null ? <p class="preview-latest">{t.latestValue(fmt(r.latest))}</p> : null}
      {numbers.length > 1 ? <Sparkline values={numbers} /> : null}
      <ol class="preview-values">
        {cells.map((v, i) => (
          <li key={i} dir="auto">
            {v === null ? '∅' : typeof v === 'number' ? fmt(v) : String(v)}
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
