/*
 * Labelled form fields with their error next to them: the building blocks of every form. The
 * error slot is always there (empty when fine), so a message appearing moves nothing but itself.
 */
import { h, type Child } from './view';

/** `source.values` → `f-source-values`: stable ids for labels, tests and focus. */
export const fieldId = (field: string): string => `f-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;

interface Common {
  field: string;
  label: string;
  /** The word for "optional", when the field is. */
  optional?: string;
  hint?: string;
  /** The field's error messages, joined; '' when it is fine. */
  error?: string;
  /** Extra content after the control (buttons, suggestions). */
  extra?: Child;
  hidden?: boolean;
}

function Field(props: Common & { children: Child }) {
  const id = fieldId(props.field);
  return (
    <div class="block field" hidden={props.hidden}>
      <label for={id}>
        {props.label}
        {props.optional ? <span class="optional"> ({props.optional})</span> : null}
      </label>
      {props.children}
      {props.hint ? (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      {props.extra}
      <p class="error" id={`${id}-error`} data-error-for={props.field}>
        {props.error ?? ''}
      </p>
    </div>
  );
}

/** What every control carries: its id, its field, what describes it, whether it is in error. */
function controlProps(o: Common) {
  const id = fieldId(o.field);
  return {
    id,
    'data-field': o.field,
    'aria-describedby': o.hint ? `${id}-error ${id}-hint` : `${id}-error`,
    'aria-invalid': o.error ? ('true' as const) : undefined,
  };
}

export function TextField(
  props: Common & {
    value: string;
    onInput: (value: string) => void;
    onBlur?: (e: FocusEvent) => void;
    type?: 'text' | 'date';
    multiline?: boolean;
    placeholder?: string;
  },
) {
  const onInput = (e: Event) => props.onInput((e.currentTarget as HTMLInputElement).value);
  return (
    <Field {...props}>
      {props.multiline ? (
        <textarea
          {...controlProps(props)}
          rows={3}
          dir="auto"
          spellcheck
          placeholder={props.placeholder}
          value={props.value}
          onInput={onInput}
          onBlur={props.onBlur}
        />
      ) : props.type === 'date' ? (
        <input
          {...controlProps(props)}
          type="date"
          autocomplete="off"
          placeholder={props.placeholder}
          value={props.value}
          onInput={onInput}
          onBlur={props.onBlur}
        />
      ) : (
        <input
          {...controlProps(props)}
          type="text"
          dir="auto"
          autocomplete="off"
          placeholder={props.placeholder}
          value={props.value}
          onInput={onInput}
          onBlur={props.onBlur}
        />
      )}
    </Field>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField(
  props: Common & {
    value: string;
    options: readonly Option[];
    groups?: readonly { label: string; options: readonly Option[] }[];
    onChange: (value: string) => void;
    placeholder?: string;
  },
) {
  return (
    <Field {...props}>
      {/* The choice is each option's `selected` (a select's `value` set before its options exist is lost). */}
      <select
        {...controlProps(props)}
        onChange={(e: Event) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.placeholder !== undefined ? (
          <option value="" selected={props.value === ''}>
            {props.placeholder}
          </option>
        ) : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
        {(props.groups ?? []).map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === props.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </Field>
  );
}

/** One radio button with its label. */
export function Choice(props: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  id?: string;
  inline?: boolean;
  labelClass?: string;
  attrs?: Record<string, string>;
  children: Child;
}) {
  return (
    <label class={props.inline ? 'choice inline' : 'choice'}>
      <input
        type="radio"
        name={props.name}
        id={props.id}
        value={props.value}
        checked={props.checked}
        onChange={props.onChange}
        {...props.attrs}
      />
      <span class={props.labelClass} dir="auto">
        {props.children}
      </span>
    </label>
  );
}

/** Messages per field, joined (several rules may fail at once). */
export function errorsByField(errors: readonly { field: string; message: string }[]): Map<string, string> {
  const byField = new Map<string, string>();
  for (const e of errors)
    byField.set(e.field, byField.has(e.field) ? `${byField.get(e.field)} ${e.message}` : e.message);
  return byField;
}

/** The first field, in the form's order, that has an error. */
export function firstInError(errors: ReadonlyMap<string, string>, order: readonly string[]): string | null {
  return order.find((f) => errors.has(f)) ?? null;
}

/** A button that says what it is doing while its action runs. */
export function BusyButton(props: {
  busy: boolean;
  busyText: string;
  id?: string;
  class?: string;
  type?: 'button' | 'submit';
  onClick?: () => void;
  attrs?: Record<string, string>;
  label?: string;
  children: Child;
}) {
  return (
    <button
      type={props.type ?? 'button'}
      id={props.id}
      class={props.class}
      disabled={props.busy}
      aria-label={props.label}
      onClick={props.onClick}
      {...props.attrs}
    >
      {props.busy ? props.busyText : props.children}
    </button>
  );
}
