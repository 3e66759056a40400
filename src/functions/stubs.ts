import type { FunctionSpec } from './catalog';

/**
 * The top-level declarations Sheets needs for autocomplete: `function NAME(a, b)` under a JSDoc
 * block with `@customfunction`. Bundlers drop comments and rename parameters, so these are
 * generated from the catalog after bundling and simply forward to the bundle's namespace.
 */
export function customFunctionStub(spec: FunctionSpec, namespace: string): string {
  const names = spec.params.map((p) => p.name);
  const lines = [
    '/**',
    ` * ${spec.summary.en}`,
    ` * FR : ${spec.summary.fr}`,
    ' *',
    ...spec.params.map((p) => {
      const name = p.optional ? `[${p.name}]` : p.name;
      return ` * @param {${p.type}} ${name} ${p.doc.en} Example: ${p.example}`;
    }),
    ` * @return ${spec.returns.en}`,
    ' * @customfunction',
    ' */',
    `function ${spec.name}(${names.join(', ')}) {`,
    `  return ${namespace}.functions.${spec.name}(${names.join(', ')});`,
    '}',
  ];
  return lines.join('\n');
}

/**
 * A top-level function Apps Script can call by name (menu items, triggers, google.script.run):
 * one line, no comment, since every custom-function call loads the whole file.
 */
export function entryPointStub(name: string, namespace: string): string {
  return `function ${name}(){return ${namespace}.${name}.apply(null,arguments)}`;
}
