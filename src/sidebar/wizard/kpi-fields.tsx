/* The KPI form's fields, bound to the wizard: typing edits the form, leaving shows the field's error. */
import { h, type Child } from '../ui/view';
import { fieldLabel } from '../../core/kpi/model';
import type { KpiForm } from '../form';
import { textIn } from '../i18n';
import { type Option, SelectField, TextField } from '../ui/fields';
import { blurred, edit } from './actions';
import type { StepProps } from './step-props';

type TextKey = Exclude<keyof KpiForm, 'inputs' | 'sourceKind'>;

export function KpiText(
  props: StepProps & {
    field: TextKey;
    /** The field as the validator names it, when it differs (`source.values` for `values`). */
    as?: string;
    label?: string;
    optional?: boolean;
    hint?: string;
    multiline?: boolean;
    date?: boolean;
    placeholder?: string;
    extra?: Child;
  },
) {
  const { s, w, session, field } = props;
  const name = props.as ?? field;
  return (
    <TextField
      field={name}
      label={props.label ?? fieldLabel(name, s.lang)}
      optional={props.optional ? textIn(s.lang).optional : undefined}
      hint={props.hint}
      multiline={props.multiline}
      type={props.date ? 'date' : undefined}
      placeholder={props.placeholder}
      extra={props.extra}
      error={props.errors.get(name) || w.selectionErrors[name] || ''}
      value={w.form[field]}
      onInput={(v) => edit(session, field, v)}
      onBlur={(e) => blurred(session, name, e)}
    />
  );
}

export function KpiSelect(props: StepProps & { field: TextKey; options: readonly Option[] }) {
  const { s, w, session, field } = props;
  return (
    <SelectField
      field={field}
      label={fieldLabel(field, s.lang)}
      placeholder={textIn(s.lang).choose}
      options={props.options}
      error={props.errors.get(field) ?? ''}
      value={w.form[field]}
      onChange={(v) => edit(session, field, v, { touch: true })}
    />
  );
}
