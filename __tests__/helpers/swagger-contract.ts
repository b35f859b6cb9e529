// The contract check: every answer the emulator gives in the test suite is compared with the official
// Odahu-flow spec (Swagger 2.0). The spec is read at run time from the shared folder next to the repo and
// never copied into the project; where it is absent (a fresh clone elsewhere) only this check is skipped.
//
// The spec is generated from handler comments and has known mistakes, and the real server emits a few
// things the spec does not describe. Those are listed below as explicit, commented exceptions, each
// backed by REFERENCE.md; anything else the spec does not allow is a violation.

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import type { RecordedAnswer } from '../../src/emulator/options.js';

/** `../shared/odahu-api/swagger.yaml` relative to the repo root, where development and CI keep it. */
export const SWAGGER_PATH = fileURLToPath(new URL('../../../shared/odahu-api/swagger.yaml', import.meta.url));

/** The subset of Swagger 2.0 schema keywords the Odahu spec uses. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaObject>;
  additionalProperties?: boolean | SchemaObject;
  items?: SchemaObject;
}

interface Operation {
  produces?: string[];
  responses?: Record<string, { schema?: SchemaObject }>;
}

interface SwaggerDocument {
  paths?: Record<string, Record<string, Operation>>;
  definitions?: Record<string, SchemaObject>;
}

const HTTP_RESULT: SchemaObject = { $ref: '#/definitions/HTTPResult' };
const JSON_TYPE = 'application/json';
const TEXT_TYPE = 'text/plain';

// ---------------------------------------------------------------------------------------------
// Documented deviations from the spec (REFERENCE.md). Keys: `METHOD route status` or `Definition.property`.

/** Answers whose real schema differs from the spec's, or statuses the server gives that the spec omits. */
const DOCUMENTED_RESPONSES: Readonly<Record<string, SchemaObject>> = {
  // Known spec mistake (REFERENCE.md header): connection PUT returns the Connection, not HTTPResult.
  'PUT /api/v1/connection 200': { $ref: '#/definitions/Connection' },
  // The log handlers answer errors with AbortWithStatusJSON(HTTPResult) like every other handler
  // (REFERENCE.md §2); the spec's `{string}` 400 comes from a wrong handler comment. A missing id is
  // looked up in Kubernetes and answers 404 (§6), which the spec omits.
  'GET /api/v1/model/training/{id}/log 400': HTTP_RESULT,
  'GET /api/v1/model/training/{id}/log 404': HTTP_RESULT,
  'GET /api/v1/model/packaging/{id}/log 400': HTTP_RESULT,
  'GET /api/v1/model/packaging/{id}/log 404': HTTP_RESULT,
  // A duplicate id on POST answers 409 (REFERENCE.md §2, §4.7); no POST in the spec lists it. Batch
  // jobs are absent: their ids are generated, so they never collide.
  'POST /api/v1/model/training 409': HTTP_RESULT,
  'POST /api/v1/toolchain/integration 409': HTTP_RESULT,
  'POST /api/v1/model/packaging 409': HTTP_RESULT,
  'POST /api/v1/packaging/integration 409': HTTP_RESULT,
  'POST /api/v1/model/deployment 409': HTTP_RESULT,
  'POST /api/v1/model/route 409': HTTP_RESULT,
  'POST /api/v1/connection 409': HTTP_RESULT,
  'POST /api/v1/batch/service 409': HTTP_RESULT,
  // A malformed bearer JWT answers 400 (REFERENCE.md §9); the spec lists only 200.
  'GET /api/v1/user/info 400': HTTP_RESULT,
};

/** Properties the server emits that the spec's definitions lack. */
const EXTRA_PROPERTIES: Readonly<Record<string, Readonly<Record<string, SchemaObject>>>> = {
  // `deletionMark: true` while a deletion is pending (REFERENCE.md §1, §5). ModelRoute's `default`
  // flag is in the spec already, so it needs no entry.
  ModelTraining: { deletionMark: { type: 'boolean' } },
  ModelPackaging: { deletionMark: { type: 'boolean' } },
  ModelDeployment: { deletionMark: { type: 'boolean' } },
  ModelRoute: { deletionMark: { type: 'boolean' } },
  InferenceJob: { deletionMark: { type: 'boolean' } },
  // The server's config.ModelDeploymentConfig has CustomRoutePrefix (`json:"customRoutePrefix"`,
  // default `/custom`; REFERENCE.md §10); the spec's definition was generated without it.
  ModelDeploymentConfig: { customRoutePrefix: { type: 'string' } },
};

/** Always-emitted fields the server writes as `null` when empty (Go nil slices, maps and pointers). */
const NULLABLE_PROPERTIES: ReadonlySet<string> = new Set([
  // REFERENCE.md §4.3: `arguments` "always emitted (null if absent)"; `targets` always emitted.
  'ModelPackagingSpec.arguments',
  'ModelPackagingSpec.targets',
  // §4.4: schema `targets` "list may be null"; `arguments.properties` is always emitted (no `?`).
  'Schema.targets',
  'JsonSchema.properties',
  // §4.6: route `modelDeployments` "always emitted"; validation keeps it non-empty, so only the
  // zero-valued payload of a Deleted/DeletionMarkIsSet event (§7) holds the nil slice.
  'ModelRouteSpec.modelDeployments',
  // §4.8: InferenceService `args` "always emitted".
  'InferenceServiceSpec.args',
  // §4.9: every job spec key "always emitted (null when empty)"; requestId is always generated.
  'InferenceJobSpec.dataSource',
  'InferenceJobSpec.outputDestination',
  'InferenceJobSpec.nodeSelector',
  'InferenceJobSpec.resources',
  // §7: "nothing new → cursor: 0, events: null".
  'LatestDeploymentEvents.events',
  'LatestRouteEvents.events',
]);

/** Bodies that may be a bare `null`. */
const NULLABLE_BODIES: ReadonlySet<string> = new Set([
  // REFERENCE.md §1.2: the connection list answers `null` for a page past the end.
  'GET /api/v1/connection 200',
]);

/** Properties the spec types wrongly, with the type the server really emits. */
const RETYPED_PROPERTIES: Readonly<Record<string, SchemaObject>> = {
  // Go time.Duration marshals as integer nanoseconds (REFERENCE.md §10, e.g. training.timeout
  // 14400000000000); the spec calls these strings.
  'CommonConfig.gracefulTimeout': { type: 'integer' },
  'CommonConfig.launchPeriod': { type: 'integer' },
  'ModelTrainingConfig.timeout': { type: 'integer' },
  'ModelPackagingConfig.timeout': { type: 'integer' },
  'BatchConfig.timeout': { type: 'integer' },
};

/** Properties the spec types wrongly, checked as any JSON value instead. */
const ANY_JSON_PROPERTIES: ReadonlySet<string> = new Set([
  // Spec says `type: object`, but the Go type is interface{}: a JSON-Schema keyword's value, e.g.
  // `{name: "type", value: "string"}` (REFERENCE.md §4.4).
  'Parameter.value',
]);

/** Statuses that come from outside the API handlers, so the spec cannot list them. */
function isOutsideTheSpec(status: number): boolean {
  // 401/403: the auth layer (403 is also the app-level "access forbidden", an HTTPResult);
  // 429/503: fault injection; 5xx: server failures (a Go panic even answers an empty body).
  return status === 401 || status === 403 || status === 429 || status === 503 || status >= 500;
}

// ---------------------------------------------------------------------------------------------

export interface ContractChecker {
  /** Violations of the answer against the spec, one line each; empty when it conforms. */
  checkAnswer(answer: RecordedAnswer): string[];
  /** Every operation of the spec as `METHOD route`, e.g. `GET /api/v1/model/training/{id}`. */
  operations: string[];
}

/** The checker for the spec at `swaggerPath`, or undefined when the file is absent. */
export function loadContract(swaggerPath: string = SWAGGER_PATH): ContractChecker | undefined {
  if (!existsSync(swaggerPath)) return undefined;
  const document = load(readFileSync(swaggerPath, 'utf8')) as SwaggerDocument;
  const operations = Object.entries(document.paths ?? {}).flatMap(([route, methods]) =>
    Object.keys(methods).map((method) => `${method.toUpperCase()} ${route}`),
  );
  return { checkAnswer: (answer) => checkAgainst(document, answer), operations };
}

/** The checker for the shared swagger.yaml, when it is there. */
export const defaultContract = loadContract();

/** Whether `../shared/odahu-api/swagger.yaml` is there to check against. */
export const contractAvailable = defaultContract !== undefined;

/** Checks an answer against the shared swagger.yaml; callers check `contractAvailable` first. */
export function checkAnswer(answer: RecordedAnswer): string[] {
  if (!defaultContract)
    throw new Error(`no Odahu API spec at ${SWAGGER_PATH}: check contractAvailable first`);
  return defaultContract.checkAnswer(answer);
}

function checkAgainst(document: SwaggerDocument, answer: RecordedAnswer): string[] {
  const { route, status } = answer;
  // A plain-text 404 page: no handler answered, so there is nothing to compare.
  if (route === undefined) return [];
  // The spec describes the API server only (not the model server, the edge, /health or the OIDC provider).
  if (!route.startsWith('/api/v1/')) return [];

  const method = answer.method.toUpperCase();
  // Names the answer in every line and keys the documented deviations.
  const key = `${method} ${route} ${status}`;
  const operation = document.paths?.[route]?.[method.toLowerCase()];
  if (!operation) return [`${key}: no such operation in the spec`];

  const declared = operation.responses?.[String(status)];
  let schema: SchemaObject | undefined = DOCUMENTED_RESPONSES[key] ?? declared?.schema;
  // Only the spec's own successes of text endpoints are text; documented error answers are JSON.
  let expectsJson = DOCUMENTED_RESPONSES[key] !== undefined || (operation.produces ?? []).includes(JSON_TYPE);

  if (!DOCUMENTED_RESPONSES[key] && !declared) {
    if (!isOutsideTheSpec(status)) {
      const listed = Object.keys(operation.responses ?? {}).join(', ');
      return [`${key}: status not in the spec (it lists ${listed})`];
    }
    // Not the API's own answer: only a JSON body claims to be an HTTPResult; text pages and empty bodies pass.
    if (answer.body === '' || mediaType(answer.contentType) !== JSON_TYPE) return [];
    schema = HTTP_RESULT;
    expectsJson = true;
  }

  const expectedType = expectsJson ? JSON_TYPE : (operation.produces?.[0] ?? TEXT_TYPE);
  if (mediaType(answer.contentType) !== expectedType) {
    return [`${key}: content type ${JSON.stringify(answer.contentType)}, expected ${expectedType}`];
  }
  if (!expectsJson) return [];

  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [`${key}: body is not JSON: ${JSON.stringify(answer.body.slice(0, 60))}`];
  }
  if (!schema) return [];
  if (body === null && NULLABLE_BODIES.has(key)) return [];

  const violations: string[] = [];
  validate(document, body, schema, '$', false, (message) => violations.push(`${key}: ${message}`));
  return violations;
}

/** The media type without parameters: `application/json; charset=utf-8` → `application/json`. */
function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Reports where `value` breaks `schema`. `nullable` says whether the property holding it may be null
 * (NULLABLE_PROPERTIES); the root and list items never are.
 */
function validate(
  document: SwaggerDocument,
  value: unknown,
  schema: SchemaObject,
  path: string,
  nullable: boolean,
  report: (message: string) => void,
): void {
  let definitionName: string | undefined;
  let resolved = schema;
  if (schema.$ref !== undefined) {
    definitionName = schema.$ref.replace(/^#\/definitions\//, '');
    const target = document.definitions?.[definitionName];
    if (!target) {
      report(`${path}: $ref ${schema.$ref} is not defined in the spec`);
      return;
    }
    resolved = target;
  }

  if (value === null) {
    if (!nullable) report(`${path}: expected ${resolved.type ?? 'a value'}, got null`);
    return;
  }

  const actual = jsonTypeOf(value);
  switch (resolved.type) {
    case 'string':
    case 'boolean':
      if (actual !== resolved.type) report(`${path}: expected ${resolved.type}, got ${actual}`);
      return;
    case 'integer':
      if (actual !== 'number' || !Number.isInteger(value)) report(`${path}: expected integer, got ${actual}`);
      return;
    case 'number':
      if (actual !== 'number') report(`${path}: expected number, got ${actual}`);
      return;
    case 'array':
      if (!Array.isArray(value)) {
        report(`${path}: expected array, got ${actual}`);
        return;
      }
      if (resolved.items) {
        const items = resolved.items;
        value.forEach((item, index) => validate(document, item, items, `${path}[${index}]`, false, report));
      }
      return;
    case 'object':
    case undefined:
      break;
    default:
      report(`${path}: the spec uses type ${resolved.type}, which this checker does not know`);
      return;
  }

  // An untyped schema without properties places no constraint (the spec has none, but stay safe).
  if (resolved.type === undefined && resolved.properties === undefined) return;
  if (actual !== 'object') {
    report(`${path}: expected object, got ${actual}`);
    return;
  }

  const properties = resolved.properties ?? {};
  const extras = definitionName !== undefined ? EXTRA_PROPERTIES[definitionName] : undefined;
  const owner = definitionName ?? 'the inline schema';
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const where = childPath(path, key);
    const qualified = `${definitionName}.${key}`;
    const declared = Object.prototype.hasOwnProperty.call(properties, key) ? properties[key] : undefined;
    if (declared) {
      if (ANY_JSON_PROPERTIES.has(qualified)) continue;
      const schemaOfChild = RETYPED_PROPERTIES[qualified] ?? declared;
      validate(document, child, schemaOfChild, where, NULLABLE_PROPERTIES.has(qualified), report);
    } else if (extras && Object.prototype.hasOwnProperty.call(extras, key)) {
      validate(document, child, extras[key] ?? {}, where, false, report);
    } else if (resolved.additionalProperties === true) {
      continue;
    } else if (typeof resolved.additionalProperties === 'object') {
      validate(document, child, resolved.additionalProperties, where, false, report);
    } else {
      report(`${where}: unknown property (not in ${owner})`);
    }
  }
}
