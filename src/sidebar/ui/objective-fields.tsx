/** The five objective fields (Home's objective form and the wizard's "create an objective"), ids prefixed `objective.`. */
import { h, Fragment } from './view';
import type { Lang } from '../../core/i18n/lang';
import { AUDIENCE_LEVELS, fieldLabel, type FieldError } from '../../core/kpi/model';
import type { ObjectiveForm } from '../form';
import { textIn } from '../i18n';
import { errorsByField, SelectField, TextField } from './fields';

export const OBJECTIVE_FIELDS = ['title', 'description', 'horizon', 'level', 'owner'] as const;
/** The fields' ids in the order they are shown, for "focus the first in error". */
export const OBJECTIVE_FIELD_IDS = OBJECTIVE_FIELDS.map((k) => `objective.${k}`);

export function ObjectiveFields(props: {
  form: ObjectiveForm;
  errors: readonly FieldError[];
  lang: Lang;
  onChange: (key: keyof ObjectiveForm, value: string) => void;
}) {
  const { form, lang, onChange } = props;
  const t = textIn(lang);
  const errors = errorsByField(props.errors.map((e) => ({ ...e, field: `objective.${e.field}` })));
  const text = (
    key: (typeof OBJECTIVE_FIELDS)[number],
    opts: { multiline?: boolean; date?: boolean; optional?: boolean; hint?: string } = {},
  ) => (
    <TextField
      field={`objective.${key}`}
      label={fieldLabel(key, lang)}
      optional={opts.optional ? t.optional : undefined}
      hint={opts.hint}
      error={errors.get(`objective.${key}`)}
      value={form[key]}
      multiline={opts.multiline}
      type={opts.date ? 'date' : undefined}
      onInput={(v) => onChange(key, v)}
    />
  );
  return (
    <>
      {text('title', { hint: t.objectiveHint })}
      {text('description', { multiline: true, optional: true })}
      {text('horizon', { date: true })}
      <SelectField
        field="objective.level"
        label={fieldLabel('level', lang)}
        error={errors.get('objective.level')}
        value={form.level}
        options={AUDIENCE_LEVELS.map((l) => ({ value: l, label: t.audience[l] }))}
        onChange={(v) => onChange('level', v)}
      />
      {text('owner', { optional: true })}
    </>
  );
}
