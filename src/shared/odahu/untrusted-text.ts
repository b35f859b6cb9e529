// Text the actions do not control (pod logs, model answers, the server's messages, ids and URLs read
// from a cluster, manifests, GitHub's answers) on its way to the job log or to markdown. It is data:
// here it becomes log text the runner cannot take for a workflow command, or markdown that cannot end
// a table, mention anyone, link, show an image or start a heading.
//
// What GitHub's runner takes for a command (actions/runner, ActionCommand.TryParseV2 and TryParse): a
// line that starts with `::` once .NET's TrimStart has removed white space (its white space is not
// JavaScript's: it has U+0085, not U+FEFF), and a line holding `##[` anywhere. It compares with .NET's
// culture-sensitive StartsWith and IndexOf, which on Linux (ICU) may skip characters that have no
// weight in collation (controls, zero-width and other format characters), so a zero-width space is no
// defence: a line is judged as if those were not there, and a dangerous one shows them as escapes.

import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';
import { redact } from './secrets.js';

/** .NET's Char.IsWhiteSpace (TrimStart's set): JavaScript's \s without U+FEFF, and U+0085. */
const DOTNET_SPACE = '\\s\\u0085';
/** Controls that are white space: they have a weight in collation, and TrimStart sees them. */
const SPACE_CONTROLS = '\t\n\v\f\r\u0085';
/** Characters a culture-sensitive comparison may skip: other controls, format characters, default ignorables. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const COMMAND_START = new RegExp(`^[${DOTNET_SPACE}]*::`, 'u');
/** The runner reads a step's output line by line, ending lines at \n, \r\n and a lone \r alike. */
const LINE_BREAK = /\r\n|\r|\n/;

/** Whether the runner could take the line for a workflow command, whatever it may skip. */
function couldBeCommand(line: string): boolean {
  const skeleton = line.replace(INVISIBLE, (char) => (SPACE_CONTROLS.includes(char) ? char : ''));
  return COMMAND_START.test(skeleton) || skeleton.includes('##[');
}

/** An invisible character shown as an escape: `\x1b`, `\u200b`, `\u{e0001}`. */
function escapeInvisible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x100) return `\\x${code.toString(16).padStart(2, '0')}`;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * One line (no line breaks in it) as the runner must see it: unchanged when it cannot be a command;
 * else its invisible characters shown as escapes, a `\` between the `#`s of every `##[`, and a `\`
 * first when it would start with `::`.
 */
export function inertLine(line: string): string {
  if (!couldBeCommand(line)) return line;
  const visible = line
    .replace(INVISIBLE, (char) => (SPACE_CONTROLS.includes(char) ? char : escapeInvisible(char)))
    .replace(/#(?=#\[)/g, '#\\');
  return COMMAND_START.test(visible) ? `\\${visible}` : visible;
}

/**
 * Untrusted text as one line of log text: known secrets hidden, line breaks shown as `\n` and `\r`,
 * and made inert. For a value inside a line of ours, or a line that is all outside text.
 */
export function logText(text: string): string {
  const flat = redact(text).replace(/\r\n|\r|\n/g, (br) =>
    br === '\n' ? '\\n' : br === '\r' ? '\\r' : '\\r\\n',
  );
  return inertLine(flat);
}

/** Untrusted text of several lines, each made inert (known secrets hidden). */
export function logLines(text: string): string[] {
  return redact(text).split(LINE_BREAK).map(inertLine);
}

/**
 * Prints a block of untrusted lines in the job log between `::stop-commands::<token>` and `::<token>::`,
 * the runner's own way to print text it must not obey, with a token nobody can guess; each line is
 * made inert too, for a runner that would not honour the pair. Only for a block printed at once:
 * while it is open, the runner ignores this step's own commands too (a mask added meanwhile).
 */
export function printUntrusted(
  lines: string | readonly string[],
  print: (line: string) => void = core.info,
): void {
  const shown = typeof lines === 'string' ? logLines(lines) : lines.flatMap(logLines);
  const token = `odahu-${randomBytes(16).toString('hex')}`;
  print(`::stop-commands::${token}`);
  for (const line of shown) print(line);
  print(`::${token}::`);
}

// ---------------------------------------------------------------------------------------------
// Markdown (job summaries, pull request comments)

/** Longest untrusted value a summary or report shows; the job log has it whole. */
export const MAX_MARKDOWN_VALUE = 300;

/** Line breaks, controls and format characters (bidi overrides among them): one space. */
const NOT_ONE_LINE = /[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu;
/** What markdown or HTML could read as syntax; each becomes a numeric character reference. */
const MARKDOWN_SYNTAX = /[&<>"'`*_[\]()!#|~\\@]/g;
/** After @ and #, a word joiner: GitHub links `@name` and `#123` in text, references or not. */
const WORD_JOINER = '&#8288;';

/** `text` cut to `max` characters (whole code points), with `…` when something was left out. */
export function cutText(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/**
 * Untrusted text made one line and clipped: known secrets hidden, each run of white space, line
 * breaks, controls and format characters (bidi overrides among them) one space, trimmed, then cut
 * to `max` characters. The plain text a GitHub field takes (a deployment status's description),
 * and what markdownText escapes; log lines make it inert with logText.
 */
export function oneLine(text: string, max: number): string {
  return cutText(redact(text).replace(NOT_ONE_LINE, ' ').trim(), max);
}

/**
 * Untrusted text as markdown: one line, cut to `max` characters, every character markdown or HTML
 * could read as syntax written as a character reference, so it cannot end an HTML block or a table
 * (no line break), open a tag, link, show an image, start a heading, or mention a user or an issue.
 */
export function markdownText(text: string, max = MAX_MARKDOWN_VALUE): string {
  return oneLine(text, max).replace(MARKDOWN_SYNTAX, (char) => {
    const reference = `&#${char.charCodeAt(0)};`;
    return char === '@' || char === '#' ? `${reference}${WORD_JOINER}` : reference;
  });
}

/** Untrusted text as a `<code>` span (ids, states, values), or a lone space when empty. */
export function markdownCode(text: string, max = MAX_MARKDOWN_VALUE): string {
  const shown = markdownText(text, max);
  return shown === '' ? ' ' : `<code>${shown}</code>`;
}
