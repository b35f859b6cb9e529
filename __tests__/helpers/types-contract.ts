// src/shared/odahu/types.ts against swagger.yaml, read by TypeScript's own checker: every exported
// interface or type named like one of the spec's definitions has the definition's properties, no
// more and no fewer, each of the same JSON type (string, number, boolean, array, object). Checked
// rather than generated: types.ts keeps its own notes and narrower types (a state's values, a
// connection's type), which a generator would flatten.

import ts from 'typescript';
import type { SchemaObject } from './swagger-contract.js';

type Definitions = Record<string, SchemaObject>;

/** The JSON types a TypeScript type may be, `undefined` and `null` aside: `string`, `number|string`. */
function jsonTypeOf(checker: ts.TypeChecker, type: ts.Type): string {
  const parts = type.isUnion() ? type.types : [type];
  const kinds = new Set<string>();
  for (const part of parts) {
    if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) continue;
    if (part.flags & ts.TypeFlags.StringLike) kinds.add('string');
    else if (part.flags & ts.TypeFlags.NumberLike) kinds.add('number');
    else if (part.flags & ts.TypeFlags.BooleanLike) kinds.add('boolean');
    else if (checker.isArrayType(part) || checker.isTupleType(part)) kinds.add('array');
    else if (part.flags & ts.TypeFlags.Object) kinds.add('object');
    else kinds.add(checker.typeToString(part));
  }
  return [...kinds].sort().join('|');
}

function specTypeOf(definitions: Definitions, schema: SchemaObject): string {
  if (schema.$ref) {
    const target = definitions[schema.$ref.replace('#/definitions/', '')];
    return target ? specTypeOf(definitions, target) : `unknown ${schema.$ref}`;
  }
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  return schema.type ?? 'object';
}

/**
 * One line per difference between the TypeScript file's exported types and the spec's definitions
 * of the same names; `allowed` lists `<Type>.<property>` differences the server is known to have.
 * `compared` counts the types compared.
 */
export function typeDifferences(
  file: string,
  definitions: Definitions,
  allowed: Readonly<Record<string, string>> = {},
): { lines: string[]; compared: number } {
  // lib.es2015 for Array and Record; nothing else is needed to read the types.
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    lib: ['lib.es2015.d.ts'],
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${file}: not a module`);
  const lines: string[] = [];
  let compared = 0;
  for (const symbol of checker.getExportsOfModule(module)) {
    const definition = definitions[symbol.name];
    if (!definition || !(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    compared += 1;
    const properties = checker.getPropertiesOfType(checker.getDeclaredTypeOfSymbol(symbol));
    const inSpec = definition.properties ?? {};
    for (const property of properties) {
      const key = `${symbol.name}.${property.name}`;
      const schema = inSpec[property.name];
      if (allowed[key]) continue;
      if (!schema) {
        lines.push(`${key}: not in the spec`);
        continue;
      }
      const ours = jsonTypeOf(checker, checker.getTypeOfSymbol(property));
      const theirs = specTypeOf(definitions, schema);
      if (ours !== theirs) lines.push(`${key}: ${ours} here, ${theirs} in the spec`);
    }
    for (const name of Object.keys(inSpec)) {
      if (!properties.some((property) => property.name === name) && !allowed[`${symbol.name}.${name}`]) {
        lines.push(`${symbol.name}.${name}: in the spec, not here`);
      }
    }
  }
  return { lines, compared };
}
