// Text the evaluation does not control (a dataset's column names and values, a model's answers) on its
// way to the log or to markdown. Every such string the evaluate action prints or reports goes through
// one of these two functions, so that the project-wide ones (issue 18) replace them in one line each.
// Both keep the text to one short line: a column name or a class label is never a paragraph.

import { inert } from '../shared/action/pod-log.js';

/** Longest untrusted text shown; the job log and the report are for reading, the JSON has it all. */
const MAX_SHOWN = 120;

function oneShortLine(text: string, max: number): string {
  // Control characters (terminal escapes included) become visible, not active.
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\r\n]+/g, ' ').replace(/[\u0000-\u001f\u007f-\u009f]/g, '\uFFFD');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Untrusted text for the job log: one line that cannot run a workflow command. */
export function untrustedLogText(text: string, max = MAX_SHOWN): string {
  return inert(oneShortLine(text, max));
}

/**
 * Untrusted text for a report cell or a chart label, before the renderer escapes it as HTML: one
 * short line. Mermaid labels get their own, narrower rule (mermaid-chart.ts).
 */
export function untrustedMarkdownText(text: string, max = MAX_SHOWN): string {
  return oneShortLine(text, max);
}

/** A value quoted in a message: `"abc"`, cut and made inert. */
export function quoted(text: string, max = 40): string {
  return `"${untrustedLogText(text, max)}"`;
}
