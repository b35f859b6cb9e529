// `${{ }}` expressions, evaluated by @actions/expressions (GitHub's own lexer, parser and evaluator)
// over the runner's contexts as plain JSON values, plus the functions only a runner can answer: the
// status functions (success(), failure(), cancelled(), always()) of a step or of a job's `if:`, and
// hashFiles(), which this runner does not support.

import type { Expr } from '@actions/expressions';
import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import type { Token } from '@actions/expressions/lexer';
import { TokenType } from '@actions/expressions/lexer';
import { equals } from '@actions/expressions/result';
import type { TemplateToken } from '@actions/workflow-parser/templates/tokens/index';
import {
  isBasicExpression,
  isBoolean,
  isMapping,
  isNumber,
  isSequence,
  isString,
} from '@actions/workflow-parser';
import { messageOf } from '../shared/thrown.js';
import { multilineParts } from './multiline-scalar.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** The context names a workflow may use; each is present (possibly empty) when evaluating. */
export const CONTEXT_NAMES = [
  'github',
  'env',
  'vars',
  'secrets',
  'inputs',
  'steps',
  'runner',
  'job',
  'strategy',
  'matrix',
  'needs',
] as const;

export type ContextName = (typeof CONTEXT_NAMES)[number];
export type Contexts = Record<ContextName, JsonValue>;

/**
 * The contexts of what is decided before a job's steps (its `if:`, name, strategy, runs-on): github,
 * needs, vars and inputs; the others are empty there.
 */
export function jobLevelContexts(given: Pick<Contexts, 'github' | 'needs' | 'vars' | 'inputs'>): Contexts {
  return {
    ...given,
    secrets: {},
    env: {},
    steps: {},
    runner: {},
    job: {},
    strategy: {},
    matrix: null,
  };
}

/** What the status functions answer in a step's `if:`: the job's (inside a composite action, its steps') status. */
export type Status = 'success' | 'failure' | 'cancelled';

/** How a job ended, as `needs.<id>.result` says it. */
export type JobConclusion = 'success' | 'failure' | 'cancelled' | 'skipped';

/**
 * What the status functions answer in a job's `if:`: the results of every job it needs, directly or
 * through its needs (as GitHub decides: success() wants all of them succeeded, so a skipped one is
 * not; failure() wants one failed), and whether the run was cancelled. `success('id', ...)` and
 * `failure('id', ...)` ask about the named jobs only.
 */
export interface NeedsStatus {
  ancestors: Record<string, JobConclusion>;
  cancelled: boolean;
}

export interface Scope {
  contexts: Contexts;
  status: Status | NeedsStatus;
}

/** An expression that cannot be evaluated; `where` is `file:line` when known. */
class ExpressionFailure extends Error {
  constructor(message: string, where?: string) {
    super(where ? `${where}: ${message}` : message);
    this.name = 'ExpressionFailure';
  }
}

const MAX = Number.MAX_SAFE_INTEGER;

/** success() and failure() of a job's `if:`, over all its ancestors or the jobs named. */
function needsAnswer(
  status: NeedsStatus,
  wanted: (result: JobConclusion | undefined) => boolean,
  every: boolean,
): (...args: data.ExpressionData[]) => data.BooleanData {
  return (...args) => {
    const ids = args.length > 0 ? args.map((arg) => arg.coerceString()) : Object.keys(status.ancestors);
    const lookup = (id: string) =>
      Object.entries(status.ancestors).find(([name]) => name.toLowerCase() === id.toLowerCase())?.[1];
    const results = ids.map(lookup);
    return new data.BooleanData(every ? results.every(wanted) : results.some(wanted));
  };
}

function statusFunctions(status: Status | NeedsStatus): FunctionDefinition[] {
  const answer = (value: boolean) => () => new data.BooleanData(value);
  const byNeeds = typeof status === 'object' ? status : undefined;
  const cancelled = byNeeds ? byNeeds.cancelled : status === 'cancelled';
  return [
    {
      name: 'success',
      minArgs: 0,
      maxArgs: MAX,
      call: byNeeds
        ? (...args) =>
            new data.BooleanData(
              !cancelled && needsAnswer(byNeeds, (result) => result === 'success', true)(...args).value,
            )
        : answer(status === 'success'),
    },
    {
      name: 'failure',
      minArgs: 0,
      maxArgs: MAX,
      call: byNeeds
        ? needsAnswer(byNeeds, (result) => result === 'failure', false)
        : answer(status === 'failure'),
    },
    { name: 'cancelled', minArgs: 0, maxArgs: 0, call: answer(cancelled) },
    { name: 'always', minArgs: 0, maxArgs: 0, call: answer(true) },
    {
      name: 'hashFiles',
      minArgs: 1,
      maxArgs: 255,
      call: () => {
        throw new ExpressionFailure('hashFiles() is not supported by this runner');
      },
    },
  ];
}

// The parser only needs the functions' names and arities; the status does not matter here.
const FUNCTION_INFO = statusFunctions('success').map(({ name, minArgs, maxArgs }) => ({
  name,
  minArgs,
  maxArgs,
}));

export function parseExpression(expression: string): Expr {
  const { tokens } = new Lexer(expression).lex();
  return new Parser(tokens.map(unescapedString), [...CONTEXT_NAMES], FUNCTION_INFO).parse();
}

/**
 * A string literal with every `''` turned into `'`, as GitHub's runner reads it. The lexer of
 * @actions/expressions 0.3.61 turns only the first (`value.replace("''", "'")`), and the parser builds
 * `run: echo 'x ${{ e }} y'` as `format('echo ''x {0} y''', e)`: its second `''` would stay doubled.
 */
function unescapedString(token: Token): Token {
  if (token.type !== TokenType.STRING) return token;
  return { ...token, value: token.lexeme.slice(1, -1).replaceAll("''", "'") };
}

function toData(value: JsonValue): data.ExpressionData {
  return JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData;
}

function fromData(value: data.ExpressionData): JsonValue {
  return JSON.parse(JSON.stringify(value, data.replacer) ?? 'null') as JsonValue;
}

function evaluateData(expression: string, scope: Scope): data.ExpressionData {
  const dictionary = new data.Dictionary(
    ...CONTEXT_NAMES.map((key) => ({ key, value: toData(scope.contexts[key]) })),
  );
  const functions = new Map(statusFunctions(scope.status).map((f) => [f.name.toLowerCase(), f]));
  try {
    return new Evaluator(parseExpression(expression), dictionary, functions).evaluate();
  } catch (error) {
    if (error instanceof ExpressionFailure) throw error;
    throw new ExpressionFailure(`${messageOf(error)} in ${expression}`);
  }
}

/** The expression's value as JSON. */
export function evaluate(expression: string, scope: Scope): JsonValue {
  return fromData(evaluateData(expression, scope));
}

/** Truthiness as GitHub decides it: false, 0, -0, '', null and NaN are false. */
export function isTruthy(value: JsonValue): boolean {
  if (value === null || value === false || value === '') return false;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return true;
}

/** Equality as the expression language's `==` decides it (types coerced, strings case-insensitive). */
export function expressionEquals(left: JsonValue, right: JsonValue): boolean {
  return equals(toData(left), toData(right));
}

/** An `if:` condition (already wrapped in `success() && (...)` by the parser where needed). */
export function evaluateCondition(expression: string, scope: Scope): boolean {
  return isTruthy(evaluate(expression, scope));
}

/** Where a token comes from, as `file:line`. */
function tokenPlace(token: TemplateToken | undefined, file: string): string | undefined {
  return token?.line !== undefined ? `${file}:${token.line}` : undefined;
}

/** A scalar token's value as a string: literals as written, expressions evaluated and coerced. */
export function evaluateToString(token: TemplateToken, scope: Scope, file: string): string {
  if (isBasicExpression(token)) {
    return located(token, file, () => {
      const parts = multilineParts(token);
      if (!parts) return evaluateData(token.expression, scope).coerceString();
      return parts
        .map((part) =>
          'literal' in part ? part.literal : evaluateData(part.expression, scope).coerceString(),
        )
        .join('');
    });
  }
  if (isString(token)) return token.value;
  if (isBoolean(token)) return String(token.value);
  if (isNumber(token)) return String(token.value);
  // null, or a sequence/mapping where a string is expected (the parser's schema rejects the latter).
  return '';
}

/** A scalar token's value as JSON (booleans and numbers keep their type). */
export function evaluateToValue(token: TemplateToken, scope: Scope, file: string): JsonValue {
  if (isBasicExpression(token)) {
    const parts = multilineParts(token);
    const [only] = parts ?? [];
    if (parts && !(parts.length === 1 && only && 'expression' in only))
      return evaluateToString(token, scope, file);
    return located(token, file, () =>
      evaluate(only && 'expression' in only ? only.expression : token.expression, scope),
    );
  }
  if (isString(token) || isBoolean(token) || isNumber(token)) return token.value;
  return null;
}

/** A whole token tree as JSON (a strategy, an environment): every expression in it evaluated. */
export function evaluateToJson(token: TemplateToken, scope: Scope, file: string): JsonValue {
  if (isMapping(token)) {
    const value: { [key: string]: JsonValue } = {};
    for (const pair of token)
      value[evaluateToString(pair.key, scope, file)] = evaluateToJson(pair.value, scope, file);
    return value;
  }
  if (isSequence(token)) {
    const items: JsonValue[] = [];
    for (let i = 0; i < token.count; i += 1) items.push(evaluateToJson(token.get(i), scope, file));
    return items;
  }
  return evaluateToValue(token, scope, file);
}

/** Runs an evaluation, naming the token's file:line in its error. */
function located<T>(token: TemplateToken, file: string, evaluation: () => T): T {
  try {
    return evaluation();
  } catch (error) {
    throw new ExpressionFailure((error as Error).message, tokenPlace(token, file));
  }
}
