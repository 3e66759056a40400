/**
 * The Sheets API v4 request schema, read from the maintained typing Boussole compiles against
 * (@maxim_mazurok/gapi.client.sheets-v4, generated from Google's discovery document): every
 * message's fields with their types and enum values. The emulator validates batchUpdate bodies
 * against it the way the API's JSON parser does, so a field the typing doesn't know is refused
 * here exactly as `tsc` refuses it in src/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import ts from 'typescript';

export type FieldType =
  | { kind: 'message'; name: string }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'array'; of: FieldType }
  | { kind: 'string' | 'number' | 'boolean' | 'any' };

export type Schema = ReadonlyMap<string, ReadonlyMap<string, FieldType>>;

let cached: Schema | null = null;

function typeOf(node: ts.TypeNode): FieldType {
  if (ts.isArrayTypeNode(node)) return { kind: 'array', of: typeOf(node.elementType) };
  if (ts.isUnionTypeNode(node)) {
    const values = node.types.flatMap((t) =>
      ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? [t.literal.text] : [],
    );
    if (values.length === node.types.length) return { kind: 'enum', values };
    return { kind: 'any' };
  }
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal))
    return { kind: 'enum', values: [node.literal.text] };
  if (ts.isTypeReferenceNode(node)) return { kind: 'message', name: node.typeName.getText() };
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
    default:
      return { kind: 'any' };
  }
}

/** Every interface of `namespace gapi.client.sheets` with its fields. Parsed once per process. */
export function sheetsSchema(): Schema {
  if (cached) return cached;
  // Resolved from the project root: the same in Jest (CommonJS) and the playground (ESM).
  const require = createRequire(join(process.cwd(), 'package.json'));
  const file = require.resolve('@maxim_mazurok/gapi.client.sheets-v4/index.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const schema = new Map<string, Map<string, FieldType>>();
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && !node.name.text.endsWith('Resource')) {
      const fields = new Map<string, FieldType>();
      for (const m of node.members) {
        if (ts.isPropertySignature(m) && m.type && ts.isIdentifier(m.name)) fields.set(m.name.text, typeOf(m.type));
      }
      schema.set(node.name.text, fields);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!schema.has('Request') || !schema.has('ScorecardChartSpec'))
    throw new Error('emulator: the Sheets API typing has no Request / ScorecardChartSpec');
  cached = schema;
  return schema;
}

/** `addSheet` → `add_sheet`: the API's errors name fields as the proto does. */
export const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The proto enum a field holds, as its errors name it ("(type.googleapis.com/google.apps.sheets.v4.BasicChartType)").
 * Only the fields Boussole sends are listed; any other enum is named TYPE_ENUM.
 */
const ENUM_NAMES: Record<string, string> = {
  'BasicChartSpec.chartType': 'BasicChartType',
  'BasicChartSeries.type': 'BasicChartType',
  'BasicChartSpec.legendPosition': 'BasicChartLegendPosition',
  'BasicChartAxis.position': 'BasicChartAxisPosition',
  'BasicChartSeries.targetAxis': 'BasicChartAxisPosition',
  'BasicChartSpec.compareMode': 'BasicChartCompareMode',
  'ChartSpec.hiddenDimensionStrategy': 'ChartHiddenDimensionStrategy',
  'LineStyle.type': 'LineDashType',
  'CellFormat.horizontalAlignment': 'HorizontalAlign',
  'CellFormat.verticalAlignment': 'VerticalAlign',
  'CellFormat.wrapStrategy': 'WrapStrategy',
  'NumberFormat.type': 'NumberFormatType',
  'DimensionRange.dimension': 'Dimension',
  'BooleanCondition.type': 'ConditionType',
  'DeveloperMetadata.visibility': 'DeveloperMetadataVisibility',
  'DeveloperMetadataLocation.locationType': 'DeveloperMetadataLocationType',
  'ScorecardChartSpec.aggregateType': 'ChartAggregateType',
  'ScorecardChartSpec.numberFormatSource': 'ChartNumberFormatSource',
  'BaselineValueFormat.comparisonType': 'ComparisonType',
  'SheetProperties.sheetType': 'SheetType',
  'TextPosition.horizontalAlignment': 'HorizontalAlign',
};

const PRIMITIVE_NAMES = { string: 'TYPE_STRING', number: 'TYPE_INT32', boolean: 'TYPE_BOOL' } as const;

/**
 * What the API's JSON parser says about a body that doesn't match the schema, one line per
 * problem: `Invalid JSON payload received. Unknown name "foo" at 'requests[0].add_sheet': Cannot
 * find field.` (googleapis/google-api-python-client#930, theoephraim/node-google-spreadsheet#523)
 * and `Invalid value at 'requests[0].…' (type.googleapis.com/google.apps.sheets.v4.X), "BAD"`
 * (johnkhansrc/NestGoogleSheetConnector#6).
 */
export function schemaErrors(value: unknown, message: string, path: string, out: string[] = []): string[] {
  const schema = sheetsSchema();
  const fields = schema.get(message);
  if (!fields) return out;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    out.push(
      `Invalid value at '${path}' (type.googleapis.com/google.apps.sheets.v4.${message}), ${JSON.stringify(value)}`,
    );
    return out;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === undefined) continue;
    const type = fields.get(key);
    const at = path ? `${path}.${snake(key)}` : snake(key);
    if (!type) {
      out.push(`Invalid JSON payload received. Unknown name "${key}" at '${path}': Cannot find field.`);
      continue;
    }
    checkValue(v, type, `${message}.${key}`, at, out);
  }
  return out;
}

function checkValue(v: unknown, type: FieldType, field: string, at: string, out: string[]): void {
  if (v === null) return; // JSON null is "not set" for the proto parser
  switch (type.kind) {
    case 'message':
      schemaErrors(v, type.name, at, out);
      return;
    case 'array':
      if (!Array.isArray(v)) {
        out.push(
          `Invalid value at '${at}' (${type.of.kind === 'message' ? `type.googleapis.com/google.apps.sheets.v4.${type.of.name}` : 'list'}), ${JSON.stringify(v)}`,
        );
        return;
      }
      v.forEach((item, i) => {
        checkValue(item, type.of, field, `${at}[${i}]`, out);
      });
      return;
    case 'enum':
      if (typeof v !== 'string' || !type.values.includes(v)) {
        const name = ENUM_NAMES[field];
        out.push(
          `Invalid value at '${at}' (${name ? `type.googleapis.com/google.apps.sheets.v4.${name}` : 'TYPE_ENUM'}), ${JSON.stringify(v)}`,
        );
      }
      return;
    case 'string':
    case 'number':
    case 'boolean':
      if (typeof v !== type.kind || (type.kind === 'number' && !Number.isFinite(v as number)))
        out.push(`Invalid value at '${at}' (${PRIMITIVE_NAMES[type.kind]}), ${JSON.stringify(v)}`);
      return;
    default:
      return;
  }
}
