// --env-file as Node reads dotenv files (node:util's parseEnv, the format of `node --env-file`), with
// each bad line named by its number before anything is read: parseEnv alone would take it silently.

import { parseEnvFile } from '../src/workflow/env-file.js';
import { CannotRun } from '../src/workflow/cannot-run.js';

function problems(text: string): string[] {
  try {
    parseEnvFile(text, 'odahu.env');
  } catch (error) {
    if (error instanceof CannotRun) return error.lines;
    throw error;
  }
  throw new Error('read without a problem');
}

test('values as Node reads them: export, comments, quotes, spaces, = in values, Windows line ends', () => {
  const text = [
    '# the cluster',
    'ODAHU_API_URL=http://127.0.0.1:8765',
    'export   ODAHU_CLIENT_ID=odahu-actions # a comment',
    'HASH="a # kept"',
    "SINGLE='$NOT_EXPANDED \\n'",
    'DOUBLE="one\\ntwo"',
    '  SPACED =  padded  ',
    'EMPTY=',
    'EQUALS=a=b',
    'DOTTED.NAME-1=x\r',
    '',
  ].join('\n');
  expect(parseEnvFile(text, 'odahu.env')).toEqual({
    ODAHU_API_URL: 'http://127.0.0.1:8765',
    ODAHU_CLIENT_ID: 'odahu-actions',
    HASH: 'a # kept',
    SINGLE: '$NOT_EXPANDED \\n',
    DOUBLE: 'one\ntwo',
    SPACED: 'padded',
    EMPTY: '',
    EQUALS: 'a=b',
    'DOTTED.NAME-1': 'x',
  });
});

test('a quoted value may span lines up to its closing quote', () => {
  const key = ['KEY="-----BEGIN KEY-----', 'abc', '-----END KEY-----"', 'AFTER=1'].join('\n');
  expect(parseEnvFile(key, 'odahu.env')).toEqual({
    KEY: '-----BEGIN KEY-----\nabc\n-----END KEY-----',
    AFTER: '1',
  });
});

test('every bad line, with its number', () => {
  expect(
    problems(
      ['GOOD=1', 'junk', '1BAD=x', 'A B=1', 'X="a"b', "Y='ok' # fine", 'Z=`never closed', 'LAST=1'].join(
        '\n',
      ),
    ),
  ).toEqual([
    'odahu.env:2: not a NAME=VALUE line',
    'odahu.env:3: not a NAME=VALUE line',
    'odahu.env:4: not a NAME=VALUE line',
    'odahu.env:5: text after the closing ": a value cannot hold its own quote (quote it with another kind)',
    'odahu.env:7: the ` quote of Z is never closed',
  ]);
  expect(problems('MULTI="line one\nline two" tail\n')).toEqual([
    'odahu.env:2: text after the closing ": a value cannot hold its own quote (quote it with another kind)',
  ]);
});
