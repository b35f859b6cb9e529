// Packaging arguments against a packaging integration's argument schema, as gojsonschema v1.1.0
// (the server's version) reports them. The server builds
//   {type: object, properties: {<name>: {<parameter>: <value>, ...}}, required, additionalProperties: false}
// so each parameter of a property is a JSON-Schema keyword. Supported keywords: type, enum, minimum,
// maximum, minLength, maxLength, pattern, plus description, title and default (no checks); others are
// ignored. Messages are `<field>: <description>` with field `(root)` for the object itself, e.g.
// `(root): foo is required`, `port: Invalid type. Expected: integer, given: string`; v1.1.0 prints
// bounds as big.Rat (`Must be greater than or equal to 1/1`).
// Simplified: Go ranges over maps in random order; here properties keep the integration's order and
// unknown arguments the body's order. Patterns are compiled as JavaScript (u flag), not RE2.

import type { PackagingIntegration } from '../../shared/odahu/types.js';

/** The integration's schema does not compile; gojsonschema returns this instead of a result. */
export class SchemaCompileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaCompileError';
  }
}

type Arguments = PackagingIntegration['spec']['schema']['arguments'];
const JSON_TYPES = ['array', 'boolean', 'integer', 'number', 'null', 'object', 'string'];

interface PropertySchema {
  types: string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: { source: string; regexp: RegExp };
}

interface ArgumentSchema {
  properties: Map<string, PropertySchema>;
  required: string[];
}

/** The compile error the server reports as `arguments have not valid json schema: <error>`. */
export function argumentSchemaError(args: Arguments | undefined): string | undefined {
  try {
    compileSchema(args);
    return undefined;
  } catch (error) {
    if (error instanceof SchemaCompileError) return error.message;
    throw error;
  }
}

/** The result errors for `args`; empty when they are valid. Throws SchemaCompileError. */
export function validateArguments(
  integration: Pick<PackagingIntegration, 'spec'>,
  args: Record<string, unknown> | null | undefined,
): string[] {
  const schema = compileSchema(integration.spec.schema?.arguments);
  const data = args ?? {};
  const errors: string[] = [];
  for (const name of schema.required) {
    if (!Object.prototype.hasOwnProperty.call(data, name)) errors.push(`(root): ${name} is required`);
  }
  for (const name of Object.keys(data)) {
    if (!schema.properties.has(name)) errors.push(`(root): Additional property ${name} is not allowed`);
  }
  for (const [name, property] of schema.properties) {
    if (Object.prototype.hasOwnProperty.call(data, name)) {
      errors.push(...valueErrors(name, property, data[name]));
    }
  }
  return errors;
}

function compileSchema(args: Arguments | undefined): ArgumentSchema {
  const properties = new Map<string, Record<string, unknown>>();
  for (const property of args?.properties ?? []) {
    const keywords: Record<string, unknown> = {};
    for (const parameter of property.parameters ?? []) keywords[parameter.name] = parameter.value;
    properties.set(property.name, keywords);
  }
  const compiled = new Map<string, PropertySchema>();
  for (const [name, keywords] of properties) compiled.set(name, compileProperty(keywords));
  const required = args?.required ?? [];
  if (new Set(required).size !== required.length) {
    throw new SchemaCompileError('required items must be unique');
  }
  return { properties: compiled, required };
}

/** One property's keywords, checked in gojsonschema's parse order; the first problem is the error. */
function compileProperty(keywords: Record<string, unknown>): PropertySchema {
  const has = (key: string): boolean => Object.prototype.hasOwnProperty.call(keywords, key);
  const invalidType = (expected: string, given: string): SchemaCompileError =>
    new SchemaCompileError(`Invalid type. Expected: ${expected}, given: ${given}`);
  const schema: PropertySchema = { types: [] };

  for (const key of ['title', 'description']) {
    if (has(key) && typeof keywords[key] !== 'string') throw invalidType('string', key);
  }
  if (has('type')) {
    const type = keywords.type;
    const listed = Array.isArray(type) ? (type as unknown[]) : [type];
    for (const entry of listed) {
      if (typeof entry !== 'string') throw invalidType('string/array of strings', 'type');
      if (!JSON_TYPES.includes(entry)) {
        throw new SchemaCompileError(
          `has a primitive type that is NOT VALID -- given: /${entry}/ Expected valid values are:[${JSON_TYPES.join(' ')}]`,
        );
      }
      if (schema.types.includes(entry)) throw new SchemaCompileError(`${entry} type is duplicated`);
      schema.types.push(entry);
    }
  }
  for (const key of ['minimum', 'maximum'] as const) {
    if (!has(key)) continue;
    const value = keywords[key];
    if (typeof value !== 'number') throw new SchemaCompileError(`${key} must be of a number`);
    schema[key] = value;
  }
  if (schema.minimum !== undefined && schema.maximum !== undefined && schema.minimum > schema.maximum) {
    throw new SchemaCompileError('minimum cannot be greater than maximum');
  }
  for (const key of ['minLength', 'maxLength'] as const) {
    if (!has(key)) continue;
    const value = keywords[key];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw new SchemaCompileError(`${key} must be of an integer`);
    }
    if (value < 0) throw new SchemaCompileError(`${key} must be greater than or equal to 0`);
    schema[key] = value;
  }
  if (
    schema.minLength !== undefined &&
    schema.maxLength !== undefined &&
    schema.minLength > schema.maxLength
  ) {
    throw new SchemaCompileError('minLength cannot be greater than maxLength');
  }
  if (has('pattern')) {
    const source = keywords.pattern;
    if (typeof source !== 'string') throw invalidType('string', 'pattern');
    try {
      schema.pattern = { source, regexp: new RegExp(source, 'u') };
    } catch {
      throw new SchemaCompileError(`Invalid regex pattern '${source}'`);
    }
  }
  if (has('enum')) {
    const values = keywords.enum;
    if (!Array.isArray(values)) throw invalidType('array', 'enum');
    const seen = new Set(values.map((value) => canonicalJson(value)));
    if (seen.size !== values.length) throw new SchemaCompileError('enum items must be unique');
    schema.enum = values;
  }
  return schema;
}

function valueErrors(name: string, schema: PropertySchema, value: unknown): string[] {
  const given = jsonSchemaType(value);
  const typed = schema.types.length > 0;
  const accepted = schema.types.includes(given) || (given === 'integer' && schema.types.includes('number'));
  if (typed && !accepted) {
    const expected = schema.types.length === 1 ? schema.types[0] : `[${schema.types.join(',')}]`;
    return [`${name}: Invalid type. Expected: ${expected}, given: ${given}`];
  }
  const errors: string[] = [];
  if (typeof value === 'number') {
    if (schema.maximum !== undefined && value > schema.maximum) {
      errors.push(`${name}: Must be less than or equal to ${ratString(schema.maximum)}`);
    }
    if (schema.minimum !== undefined && value < schema.minimum) {
      errors.push(`${name}: Must be greater than or equal to ${ratString(schema.minimum)}`);
    }
  }
  if (
    schema.enum !== undefined &&
    !schema.enum.some((allowed) => canonicalJson(allowed) === canonicalJson(value))
  ) {
    const allowed = schema.enum.map((entry) => canonicalJson(entry)).join(', ');
    errors.push(`${name}: ${name} must be one of the following: ${allowed}`);
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) {
      errors.push(`${name}: String length must be greater than or equal to ${schema.minLength}`);
    }
    if (schema.maxLength !== undefined && length > schema.maxLength) {
      errors.push(`${name}: String length must be less than or equal to ${schema.maxLength}`);
    }
    if (schema.pattern !== undefined && !schema.pattern.regexp.test(value)) {
      errors.push(`${name}: Does not match pattern '${schema.pattern.source}'`);
    }
  }
  return errors;
}

/** The JSON-Schema type gojsonschema names for a decoded value (whole numbers are integers). */
function jsonSchemaType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

/** json.Marshal output: object keys sorted, so equal values compare equal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** big.Rat's String() of a JSON number: the reduced fraction `a/b`. */
function ratString(value: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value))!;
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  let numerator = BigInt(`${whole}${fraction}`);
  let denominator = 1n;
  const scale = Number(exponent) - fraction.length;
  if (scale >= 0) numerator *= 10n ** BigInt(scale);
  else denominator = 10n ** BigInt(-scale);
  if (numerator === 0n) return '0/1';
  const divisor = gcd(numerator, denominator);
  return `${sign}${numerator / divisor}/${denominator / divisor}`;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
