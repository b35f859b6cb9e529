// A dataset's values as the evaluation reads them: features are numbers (a CSV field or a JSON string
// that is a finite decimal number, or a JSON number), labels of a regression are numbers, class labels
// compare by a key in which 1, 1.0 and "1" are the same class, and a threshold's labels are 0 or 1.

import { cutText, logText } from '../odahu/untrusted-text.js';

/** A decimal number as people write one: `3`, `-0.5`, `.5`, `1e-3`, `1_000` is not one. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a value holds, or undefined when it is no finite number. */
export function numberOf(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!DECIMAL.test(text)) return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}

/** Empty in the file: an empty CSV field, a JSON null, a key left out. */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** The class a label or an answer stands for, as a key: numbers canonical, strings trimmed. */
export function classKey(value: unknown): string {
  const number = numberOf(value);
  if (number !== undefined) return String(number);
  if (typeof value === 'string') return value.trim();
  return typeof value === 'boolean' ? String(value) : (JSON.stringify(value) ?? '');
}

/** With a threshold, the two classes: 0 and 1 (true and false, too). */
export function binaryLabel(value: unknown): '0' | '1' | undefined {
  const key = classKey(value).toLowerCase();
  if (key === '1' || key === 'true') return '1';
  if (key === '0' || key === 'false') return '0';
  return undefined;
}

/** How a value is shown in a message: its text, or its JSON. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** Untrusted text (a dataset's value, a model's answer) as one inert log line, cut to `max`. */
export function logLine(text: string, max = 120): string {
  return logText(cutText(text, max));
}
