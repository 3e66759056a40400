/* Labelled form fields with an error slot next to each: the building blocks of every form. */
import { h, setText, type Child } from '../dom';

export interface FieldRegistry {
  inputs: Map<string, HTMLElement>;
  errors: Map<string, HTMLElement>;
}

export const newRegistry = (): FieldRegistry => ({ inputs: new Map(), errors: new Map() });

/** `source.values` → `f-source-values`: stable ids for labels, tests and focus. */
export const fieldId = (field: string): string => `f-${field.replace(/[^a-zA-Z0-9]+/g, '-')}`;

interface Common {
  field: string;
  label: string;
  optional?: string;
  hint?: string;
  reg: FieldRegistry;
  /** Extra content after the control (buttons, suggestions). */
  extra?: Child;
}

function wrap(o: Common, control: HTMLElement): HTMLElement {
  const id = fieldId(o.field);
  const errId = `${id}-error`;
  const hintId = `${id}-hint`;
  control.id = id;
  control.setAttribute('data-field', o.field);
  control.setAttribute('aria-describedby', o.hint ? `${errId} ${hintId}` : errId);
  const error = h('p', { class: 'error', id: errId, 'data-error-for': o.field });
  o.reg.inputs.set(o.field, control);
  o.reg.errors.set(o.field, error);
  return h(
    'div',
    { class: 'block field' },
    h('label', { for: id }, o.label, o.optional ? h('span', { class: 'optional' }, ` (${o.optional})`) : null),
    control,
    o.hint ? h('p', { class: 'hint', id: hintId }, o.hint) : null,
    o.extra,
    error,
  );
}

export function textField(
  o: Common & {
    value: string;
    onInput: (v: string) => void;
    onBlur?: (e: FocusEvent) => void;
    type?: 'text' | 'date';
    multiline?: boolean;
    placeholder?: string;
  },
): HTMLElement {
  const on = {
    input: (e: Event) => o.onInput((e.target as HTMLInputElement).value),
    blur: (e: Event) => o.onBlur && o.onBlur(e as FocusEvent),
  };
  const control = o.multiline
    ? h('textarea', { rows: 3, dir: 'auto', spellcheck: 'true', placeholder: o.placeholder, on })
    : h('input', {
        type: o.type ?? 'text',
        dir: o.type === 'date' ? null : 'auto',
        autocomplete: 'off',
        placeholder: o.placeholder,
        on,
      });
  (control as HTMLInputElement).value = o.value;
  return wrap(o, control);
}

export interface Option {
  value: string;
  label: string;
}

export function selectField(
  o: Common & {
    value: string;
    options: Option[];
    groups?: { label: string; options: Option[] }[];
    onChange: (v: string) => void;
    placeholder?: string;
  },
): HTMLElement {
  const select = h(
    'select',
    { on: { change: (e: Event) => o.onChange((e.target as HTMLSelectElement).value) } },
    o.placeholder !== undefined ? h('option', { value: '' }, o.placeholder) : null,
    o.options.map((opt) => h('option', { value: opt.value }, opt.label)),
    (o.groups ?? []).map((g) =>
      h(
        'optgroup',
        { label: g.label },
        g.options.map((opt) => h('option', { value: opt.value }, opt.label)),
      ),
    ),
  );
  select.value = o.value;
  return wrap(o, select);
}

/** Shows `messages` next to their fields (and clears the others among `fields`). Returns the first field in error. */
export function showFieldErrors(
  reg: FieldRegistry,
  errors: { field: string; message: string }[],
  fields?: readonly string[],
): string | null {
  const byField = new Map<string, string[]>();
  for (const e of errors) byField.set(e.field, [...(byField.get(e.field) ?? []), e.message]);
  let first: string | null = null;
  for (const [field, el] of reg.errors) {
    if (fields && !fields.includes(field)) continue;
    const messages = byField.get(field) ?? [];
    setText(el, messages.join(' '));
    const input = reg.inputs.get(field);
    if (input) {
      if (messages.length) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    if (messages.length && first === null) first = field;
  }
  return first;
}
