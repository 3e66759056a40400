/* Step 2: the KPI itself, from a template or blank. */
import { h } from '../ui/view';
import { formulaInSyntax } from '../../core/kpi/templates';
import { AUDIENCE_LEVELS, DIRECTIONS, INDICATORS, UNITS } from '../../core/kpi/model';
import { textIn } from '../i18n';
import { type Option, SelectField } from '../ui/fields';
import { chooseTemplate, templatesIn } from './actions';
import { KpiSelect, KpiText } from './kpi-fields';
import type { StepProps } from './step-props';

export function StepKpi(props: StepProps) {
  const { s, w, session } = props;
  const t = textIn(s.lang);
  const templates = templatesIn(s.lang);
  const groups: { label: string; options: Option[] }[] = [];
  for (const tpl of templates) {
    const label = t.templatesGroup(tpl.departmentLabel);
    const option = { value: tpl.id, label: tpl.name };
    const g = groups.find((d) => d.label === label);
    if (g) g.options.push(option);
    else groups.push({ label, options: [option] });
  }
  const chosen = templates.find((x) => x.id === w.form.templateId);
  return (
    <div class="step-body">
      <SelectField
        field="template"
        label={t.startFrom}
        value={w.form.templateId}
        options={[{ value: '', label: t.blank }]}
        groups={groups}
        onChange={(v) => chooseTemplate(session, v)}
      />
      {chosen?.formula ? (
        <p class="hint formula">{t.templateFormula(formulaInSyntax(chosen.formula, s.boot.syntax))}</p>
      ) : null}
      <KpiText {...props} field="name" />
      <KpiText {...props} field="definition" multiline />
      <KpiSelect {...props} field="unit" options={UNITS.map((u) => ({ value: u, label: t.units[u] }))} />
      <KpiText {...props} field="unitLabel" optional />
      <KpiSelect {...props} field="direction" options={DIRECTIONS.map((d) => ({ value: d, label: t.directions[d] }))} />
      <KpiSelect {...props} field="indicator" options={INDICATORS.map((d) => ({ value: d, label: t.indicators[d] }))} />
      <KpiSelect {...props} field="level" options={AUDIENCE_LEVELS.map((d) => ({ value: d, label: t.audience[d] }))} />
      <KpiText {...props} field="owner" optional />
    </div>
  );
}
