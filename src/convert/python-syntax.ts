// Python source as a plain syntax tree, read by tree-sitter's Python grammar (web-tree-sitter, the
// grammar as WebAssembly): the whole of Python 3.12 (f-strings nesting their own quotes, match, type
// parameters, parenthesized context managers), never executed. The tree is copied into plain objects
// and the parser's memory freed at once, so the rest of the converter reads ordinary data.
// A file the grammar cannot read is one line: `file:line: syntax error ...`.

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Node as TreeNode, Parser } from 'web-tree-sitter';
import treeSitter from './tree-sitter.cjs';
import { ConversionError } from './conversion-error.js';

/** One node of the tree: its grammar type, its text, where it is, and its named children. */
export interface PyNode {
  type: string;
  text: string;
  /** 1-based lines. */
  line: number;
  endLine: number;
  /** Named children in order, each with the grammar's field name when it has one. */
  children: PyNode[];
  fields: Map<string, PyNode[]>;
}

/** The first child in a field (`function`, `arguments`, `left`, ...). */
export function field(node: PyNode, name: string): PyNode | undefined {
  return node.fields.get(name)?.[0];
}

export function fieldAll(node: PyNode, name: string): PyNode[] {
  return node.fields.get(name) ?? [];
}

/** The WebAssembly files: beside the bundle (scripts/build.js copies them), else in node_modules. */
const WASM = {
  runtime: ['web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm'],
  python: ['tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'],
} as const;

function wasmBytes([file, module]: readonly [string, string]): Uint8Array {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, file);
  const path = existsSync(beside) ? beside : createRequire(import.meta.url).resolve(module);
  return readFileSync(path);
}

let parser: Promise<Parser> | undefined;

function pythonParser(): Promise<Parser> {
  parser ??= (async () => {
    // The CommonJS build reads __dirname, which an ES module bundle does not define: it is given the
    // bundle's folder (the wasm files are passed as bytes, so nothing is read from it).
    const globals = globalThis as { __dirname?: string };
    globals.__dirname ??= dirname(fileURLToPath(import.meta.url));
    await treeSitter.Parser.init({ wasmBinary: wasmBytes(WASM.runtime) });
    const python = await treeSitter.Language.load(wasmBytes(WASM.python));
    return new treeSitter.Parser().setLanguage(python);
  })();
  return parser;
}

/** The module's tree; a ConversionError naming the first line the grammar could not read. */
export async function parsePython(source: string, file: string): Promise<PyNode> {
  const tree = (await pythonParser()).parse(source);
  if (!tree) throw new ConversionError(`${file}:1: the Python parser gave no tree`);
  try {
    const root = tree.rootNode;
    if (root.hasError) {
      const bad = firstError(root);
      const line = (bad?.startPosition.row ?? 0) + 1;
      const what = bad?.isMissing ? `missing ${bad.type}` : 'invalid syntax';
      const text = (source.split('\n')[line - 1] ?? '').trim();
      throw new ConversionError(`${file}:${line}: syntax error (${what}): ${text}`);
    }
    return copy(root);
  } finally {
    tree.delete();
  }
}

function firstError(node: TreeNode): TreeNode | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing || child.isError)) {
      const found = firstError(child);
      if (found) return found;
    }
  }
  return undefined;
}

function copy(node: TreeNode): PyNode {
  const copied: PyNode = {
    type: node.type,
    text: node.text,
    line: node.startPosition.row + 1,
    endLine: node.endPosition.row + 1,
    children: [],
    fields: new Map(),
  };
  const cursor = node.walk();
  if (cursor.gotoFirstChild()) {
    do {
      const child = cursor.currentNode;
      const name = cursor.currentFieldName;
      // Anonymous nodes matter only in a field (a binary operator's `>>`, an augmented `+=`).
      if (child.type === 'comment' || (!child.isNamed && !name)) continue;
      const copiedChild = copy(child);
      if (child.isNamed) copied.children.push(copiedChild);
      if (name) copied.fields.set(name, [...(copied.fields.get(name) ?? []), copiedChild]);
    } while (cursor.gotoNextSibling());
  }
  cursor.delete();
  return copied;
}
