// The evaluation as a gate of deploy's (and the pipeline's) canary: evaluate-dataset,
// evaluate-gates, and evaluate-options (a YAML map of the evaluate action's other inputs: label-column,
// task, slice-by...), read by the evaluate action's own reader (spec.ts) under these names, so the
// problems name the inputs the user wrote (`input evaluate-options.task must be one of ...`).

import { load } from 'js-yaml';
import { InputReader } from '../action/inputs.js';
import type { InputSource } from '../odahu/settings.js';
import { messageOf } from '../thrown.js';
import { readEvaluationSpec } from './spec.js';
import type { EvaluationSpec } from './spec.js';

/** The evaluate action's inputs evaluate-options may set. */
export const EVALUATE_OPTIONS = [
  'dataset-format',
  'max-dataset-size',
  'label-column',
  'features',
  'slice-by',
  'task',
  'threshold',
  'metrics',
  'agreement-tolerance',
  'batch-size',
  'concurrency',
  'timeout',
] as const;

/** The canary's evaluation, or undefined without evaluate-dataset. */
export function readEvaluationGate(reader: InputReader, canary: boolean): EvaluationSpec | undefined {
  const dataset = reader.optional('evaluate-dataset');
  const gates = reader.optional('evaluate-gates');
  const optionsText = reader.optional('evaluate-options');
  if (dataset === undefined) {
    if (gates !== undefined || optionsText !== undefined) {
      reader.problem('inputs evaluate-gates and evaluate-options need evaluate-dataset');
    }
    return undefined;
  }
  if (!canary) {
    reader.problem(
      'input evaluate-dataset judges a new version before traffic moves to it: it needs strategy: canary (after a rolling update, use the evaluate action)',
    );
    return undefined;
  }
  const options = readOptions(reader, optionsText);
  const source: InputSource = {
    input: (name) => {
      if (name === 'evaluate-dataset') return dataset;
      if (name === 'evaluate-gates') return gates ?? '';
      return name.startsWith('evaluate-options.')
        ? (options[name.slice('evaluate-options.'.length)] ?? '')
        : '';
    },
    env: reader.source.env,
  };
  const spec = new InputReader(source);
  const read = readEvaluationSpec(spec, { withBaseline: true }, (name) =>
    name === 'dataset'
      ? 'evaluate-dataset'
      : name === 'gates'
        ? 'evaluate-gates'
        : `evaluate-options.${name}`,
  );
  reader.collect(() => spec.finish());
  return read;
}

/** `{label-column: quality, slice-by: [region], task: regression}`: every value as the input's text. */
function readOptions(reader: InputReader, text: string | undefined): Record<string, string> {
  if (text === undefined) return {};
  let value: unknown;
  try {
    value = load(text);
  } catch (error) {
    reader.problem(`input evaluate-options is not YAML: ${messageOf(error).split('\n')[0]}`);
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    reader.problem(
      "input evaluate-options must be a map of the evaluate action's inputs, e.g. {label-column: quality, task: regression}",
    );
    return {};
  }
  const options: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) {
    if (!(EVALUATE_OPTIONS as readonly string[]).includes(name)) {
      reader.problem(`input evaluate-options: unknown key ${name} (it takes ${EVALUATE_OPTIONS.join(', ')})`);
      continue;
    }
    options[name] = Array.isArray(item) ? item.map(String).join('\n') : item === null ? '' : String(item);
  }
  return options;
}
