/*
 * The sidebar's views are TSX over superfine (2.5 KB: a keyed virtual DOM patched in place, so
 * the input being typed in stays the same node and keeps its focus and caret). This adapter is
 * the JSX factory: function components are called, children are flattened, strings become text
 * nodes (never HTML: superfine has no innerHTML path at all), `onInput` becomes the `input` event.
 *
 * Why not Preact (11.2, with hooks 13.6 KB minified): with it Sidebar.html measured 157.6 KB,
 * over the 150 KB the sidebar must stay under; superfine gives the same in-place patching for a
 * fifth of the bytes. Components are plain functions of the state: no hooks, no instances.
 */
import { patch, text, h as vnode, type VNode } from 'superfine';

export type Child = VNode | string | number | boolean | null | undefined | readonly Child[];

type Props = Record<string, unknown> & { key?: unknown; children?: Child };
type Component<P> = (props: P) => Child;

function flatten(children: readonly Child[], out: VNode[]): VNode[] {
  for (const c of children) {
    // A child that is not there keeps its place as an empty text node: the siblings after it stay
    // the same DOM nodes when it comes and goes (an error appearing never replaces the input).
    if (c === null || c === undefined || c === false || c === true) out.push(text(''));
    else if (Array.isArray(c)) flatten(c, out);
    else if (typeof c === 'string' || typeof c === 'number') out.push(text(String(c)));
    else out.push(c as VNode);
  }
  return out;
}

/** JSX attributes as the DOM names them: `onInput` → `oninput` (superfine listens to `on…` props). */
function domProps(props: Props | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!props) return out;
  for (const [k, v] of Object.entries(props)) {
    if (k === 'children') continue;
    out[/^on[A-Z]/.test(k) ? k.toLowerCase() : k] = v;
  }
  return out;
}

/** The JSX factory (tsconfig: jsxFactory `h`, jsxFragmentFactory `Fragment`). */
export function h(tag: string | Component<Props>, props: Props | null, ...children: Child[]): Child {
  if (typeof tag === 'function') {
    // As in React, `key` is not a prop: it keys the element the component renders.
    const { key, ...rest } = props ?? {};
    const out = tag({ ...rest, children: children.length === 1 ? children[0] : children });
    if (key !== undefined && out && typeof out === 'object' && !Array.isArray(out)) (out as VNode).key = key;
    return out;
  }
  return vnode(tag, domProps(props), flatten(children, []));
}

/** `<>…</>`: its children, flattened into the parent. */
export const Fragment = (props: { children?: Child }): Child => props.children;

/** Renders `view` into `root` (which the view's top element replaces, keeping its tag), patching what changed. */
export function mount(root: Element, view: () => Child): () => void {
  let node: Node = root;
  return () => {
    const vdom = view();
    if (vdom && typeof vdom === 'object' && !Array.isArray(vdom)) node = patch(node, vdom as VNode);
  };
}

// eslint-disable-next-line @typescript-eslint/no-namespace -- the JSX namespace TypeScript looks up on the factory
export namespace h {
  export namespace JSX {
    export type Element = Child;
    export interface ElementChildrenAttribute {
      children: unknown;
    }
    export interface IntrinsicAttributes {
      key?: unknown;
    }
    export interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
  }
}
