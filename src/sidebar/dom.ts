/*
 * A tiny DOM builder. Text always goes through text nodes and attributes through
 * setAttribute: user text is never parsed as HTML (no innerHTML anywhere in the sidebar).
 */

export type Child = Node | string | number | null | undefined | false | Child[];

export interface Props {
  [key: string]: unknown;
  class?: string;
  /** Event handlers: `on: { click: () => … }`. */
  on?: { [event: string]: (e: Event) => void };
  /** Properties set on the element itself (value, checked, disabled…), after the attributes. */
  props?: { [key: string]: unknown };
}

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) for (const c of child) append(parent, c);
  else if (typeof child === 'string' || typeof child === 'number')
    parent.appendChild(document.createTextNode(String(child)));
  else parent.appendChild(child);
}

/** `h('button', { class: 'action', on: { click } }, 'Save')`. Attributes with false/null/undefined are left out. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props) {
    for (const key of Object.keys(props)) {
      const v = props[key];
      if (key === 'on' || key === 'props' || v === false || v === null || v === undefined) continue;
      el.setAttribute(key, v === true ? '' : String(v));
    }
    if (props.on) for (const ev of Object.keys(props.on)) el.addEventListener(ev, props.on[ev]);
    if (props.props) Object.assign(el, props.props);
  }
  append(el, children);
  return el;
}

/** Replaces an element's children. */
export function replaceChildren(el: Node, ...children: Child[]): void {
  while (el.firstChild) el.removeChild(el.firstChild);
  append(el, children);
}

/** Sets text only when it changed, so screen readers and layout see no churn. */
export function setText(el: Node, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}

let counter = 0;
/** A unique id for label/aria wiring. */
export const uid = (prefix: string): string => `${prefix}-${++counter}`;
