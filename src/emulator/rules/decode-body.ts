// A request body decoded as the Odahu server's gin handlers decode it: Go's encoding/json into the
// kind's struct (src/shared/odahu/shapes.ts). What Go does and this does too:
// - syntax errors, `EOF` and `unexpected EOF` come first (go-json.ts);
// - member names match fields exactly, else case-insensitively; unknown members are dropped;
// - `null` leaves a field as it was (absent); inside arrays and maps it is the element's zero value,
//   in `interface{}` values it stays null;
// - a value of the wrong JSON type is skipped and the first such error is reported once decoding ends:
//   `json: cannot unmarshal <kind> into Go struct field <Struct>.<json.path> of type <type>`, where an
//   integer field that cannot hold the number says `number <literal>`;
// - createdAt/updatedAt are time.Time: any non-null value is parsed as RFC 3339 and a failure is
//   returned at once (go-time.ts).
// Simplified: a repeated member merges into an object or map and replaces anything else (Go also reuses
// slice elements); `null` never clears a pointer that an earlier duplicate member set.

import { ApiFailure } from '../cluster.js';
import { GoJsonSyntaxError, readFirstJsonValue } from './go-json.js';
import type { JsonNode } from './go-json.js';
import { goTimeJsonError } from './go-time.js';
import { KIND_SHAPES } from '../../shared/odahu/shapes.js';
import type { Shape } from '../../shared/odahu/shapes.js';
import type { KindName } from '../../shared/odahu/kinds.js';

type ObjectShape = Extract<Shape, { t: 'object' }>;
type Decoded = Record<string, unknown>;

/** Go packages of the structs, for type names such as `v1alpha1.ModelIdentity`; v1alpha1 unless listed. */
const STRUCT_PACKAGES: Record<string, string> = {
  ModelTraining: 'training',
  ToolchainIntegration: 'training',
  ModelPackaging: 'packaging',
  ModelPackagingSpec: 'packaging',
  PackagingIntegration: 'packaging',
  PackagingIntegrationSpec: 'packaging',
  Schema: 'packaging',
  JsonSchema: 'packaging',
  Property: 'packaging',
  Parameter: 'packaging',
  ModelDeployment: 'deployment',
  ModelRoute: 'deployment',
  Connection: 'connection',
  InferenceService: 'batch',
  InferenceServiceSpec: 'batch',
  InferenceServiceStatus: 'batch',
  ModelSource: 'batch',
  RemoteModelSource: 'batch',
  LocalModelSource: 'batch',
  ModelMeta: 'batch',
  ConnectionReference: 'batch',
  InferenceServiceTriggers: 'batch',
  PredictorWebhookTrigger: 'batch',
  InferenceJob: 'batch',
  InferenceJobSpec: 'batch',
  InferenceJobStatus: 'batch',
};

/** String fields whose Go type is a named string type. */
const NAMED_STRING_FIELDS: Record<string, string> = {
  'ConnectionSpec.type': 'v1alpha1.ConnectionType',
  'ModelTrainingStatus.state': 'v1alpha1.ModelTrainingState',
  'ModelPackagingStatus.state': 'v1alpha1.ModelPackagingState',
  'ModelDeploymentStatus.state': 'v1alpha1.ModelDeploymentState',
  'ModelRouteStatus.state': 'v1alpha1.ModelRouteState',
  'InferenceJobStatus.state': 'batch.JobState',
};

const TIME_FIELDS = new Set(['createdAt', 'updatedAt']);
const INT32_RANGE = { min: -(2n ** 31n), max: 2n ** 31n - 1n };

export function decodeBody(kind: KindName, raw: string): Decoded {
  let node: JsonNode;
  try {
    node = readFirstJsonValue(raw);
  } catch (error) {
    if (error instanceof GoJsonSyntaxError) throw new ApiFailure(400, error.message);
    throw error;
  }
  const root = KIND_SHAPES[kind] as ObjectShape;
  const decoder = new Decoder(root.go);
  const value = decoder.decode(root, node, {}, { path: [] });
  if (decoder.firstTypeError !== undefined) throw new ApiFailure(400, decoder.firstTypeError);
  return value as Decoded;
}

/** Where Go's decoder is: the struct whose field it fills and the JSON names leading there. */
interface Context {
  struct?: string;
  field?: string;
  path: string[];
}

class Decoder {
  firstTypeError: string | undefined;

  constructor(private readonly rootStruct: string) {}

  /** The value after decoding `node` over `current` (what the field held before). */
  decode(shape: Shape, node: JsonNode, current: unknown, context: Context): unknown {
    if (node.kind === 'null') return shape.t === 'any' ? null : current;
    switch (shape.t) {
      case 'string':
        if (node.kind === 'string') return node.value;
        return this.mismatch(node, shape, context, current);
      case 'bool':
        if (node.kind === 'bool') return node.value;
        return this.mismatch(node, shape, context, current);
      case 'int':
        if (node.kind !== 'number') return this.mismatch(node, shape, context, current);
        if (!fitsInt32(node.literal)) {
          return this.mismatch(node, shape, context, current, `number ${node.literal}`);
        }
        return Number(BigInt(node.literal));
      case 'any':
        return this.plain(node, context);
      case 'object':
        if (node.kind !== 'object') return this.mismatch(node, shape, context, current);
        return this.struct(shape, node, isRecord(current) ? current : {}, context);
      case 'array':
        if (node.kind !== 'array') return this.mismatch(node, shape, context, current);
        return node.items.map((item) => this.decode(shape.of, item, zeroValue(shape.of), context));
      case 'map': {
        if (node.kind !== 'object') return this.mismatch(node, shape, context, current);
        const map: Decoded = isRecord(current) ? current : {};
        for (const [key, item] of node.members) {
          setMember(map, key, this.decode(shape.of, item, zeroValue(shape.of), context));
        }
        return map;
      }
    }
  }

  private struct(
    shape: ObjectShape,
    node: Extract<JsonNode, { kind: 'object' }>,
    target: Decoded,
    context: Context,
  ) {
    for (const [key, item] of node.members) {
      const field = fieldFor(shape, key);
      if (field === undefined) continue;
      const inner: Context = { struct: shape.go, field, path: [...context.path, field] };
      if (shape.go === this.rootStruct && TIME_FIELDS.has(field)) {
        if (item.kind === 'null') continue;
        const timeError = goTimeJsonError(item.raw);
        // Go returns an Unmarshaler's error at once, ahead of any type error saved before it.
        if (timeError !== undefined) throw new ApiFailure(400, timeError);
        if (item.kind === 'string') target[field] = item.value;
        continue;
      }
      const value = this.decode(shape.fields[field]!, item, target[field], inner);
      if (value !== undefined) target[field] = value;
    }
    return target;
  }

  /** An interface{} value: what json.Unmarshal gives Go (numbers as float64). */
  private plain(node: JsonNode, context: Context): unknown {
    switch (node.kind) {
      case 'object': {
        const object: Decoded = {};
        for (const [key, item] of node.members) setMember(object, key, this.plain(item, context));
        return object;
      }
      case 'array':
        return node.items.map((item) => this.plain(item, context));
      case 'number': {
        const number = Number(node.literal);
        if (Number.isFinite(number)) return number;
        this.saveTypeError(`number ${node.literal}`, 'float64', context);
        return null;
      }
      case 'null':
        return null;
      default:
        return node.value;
    }
  }

  private mismatch(node: JsonNode, shape: Shape, context: Context, current: unknown, what?: string): unknown {
    const named =
      context.struct && context.field ? NAMED_STRING_FIELDS[`${context.struct}.${context.field}`] : undefined;
    this.saveTypeError(what ?? node.kind, shape.t === 'string' && named ? named : goTypeName(shape), context);
    return current;
  }

  private saveTypeError(what: string, type: string, context: Context): void {
    if (this.firstTypeError !== undefined) return;
    this.firstTypeError =
      context.struct === undefined
        ? `json: cannot unmarshal ${what} into Go value of type ${type}`
        : `json: cannot unmarshal ${what} into Go struct field ${context.struct}.${context.path.join('.')} of type ${type}`;
  }
}

/** The struct field a member name fills: exact match first, then Go's case-insensitive match. */
function fieldFor(shape: ObjectShape, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(shape.fields, key)) return key;
  const folded = foldCase(key);
  return Object.keys(shape.fields).find((field) => foldCase(field) === folded);
}

/** Unicode simple folding as Go's encoding/json applies it (the Kelvin sign and long s fold to k and s). */
function foldCase(s: string): string {
  return s
    .replace(/\u212a/g, 'k')
    .replace(/\u017f/g, 's')
    .toLowerCase();
}

function fitsInt32(literal: string): boolean {
  if (!/^-?\d+$/.test(literal)) return false;
  const n = BigInt(literal);
  return n >= INT32_RANGE.min && n <= INT32_RANGE.max;
}

function zeroValue(shape: Shape): unknown {
  switch (shape.t) {
    case 'string':
      return '';
    case 'int':
      return 0;
    case 'bool':
      return false;
    case 'object':
      return {};
    default:
      return null;
  }
}

function goTypeName(shape: Shape): string {
  switch (shape.t) {
    case 'string':
    case 'bool':
      return shape.t;
    case 'int':
      return shape.go;
    case 'any':
      return 'interface {}';
    case 'object':
      return `${STRUCT_PACKAGES[shape.go] ?? 'v1alpha1'}.${shape.go}`;
    case 'array':
      return `[]${goTypeName(shape.of)}`;
    case 'map':
      return `map[string]${goTypeName(shape.of)}`;
  }
}

/** A map key as an own property, even `__proto__`, which plain assignment would turn into a prototype. */
function setMember(target: Decoded, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function isRecord(value: unknown): value is Decoded {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
