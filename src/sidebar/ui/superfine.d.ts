/** Types for superfine 8 (jorgebucaran/superfine, MIT), which ships none: the three functions the sidebar uses. */
declare module 'superfine' {
  export interface VNode {
    tag: string;
    props: Record<string, unknown>;
    key: unknown;
    children: VNode[];
    type?: number;
    node?: Node;
  }
  export function h(tag: string, props: Record<string, unknown>, children?: VNode | VNode[]): VNode;
  export function text(value: string, node?: Node): VNode;
  export function patch(node: Node, vdom: VNode): Node;
}
