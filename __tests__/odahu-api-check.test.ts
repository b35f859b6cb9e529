// Without ../shared/odahu-api the contract checks skip with one line naming them; with CI=true the
// run fails instead (jest.config.js runs this check as its globalSetup).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS, odahuApiSkipLine } from './helpers/odahu-api-check.js';

const absent = join(tmpdir(), 'no-such-odahu-api');

test('absent: one line naming every skipped check', () => {
  const line = odahuApiSkipLine(absent, {});
  const all = [...CHECKS['swagger.yaml'], ...CHECKS['REFERENCE.md'], ...CHECKS['cluster-defaults']];
  expect(line).toBe(
    `Skipped (${absent} lacks swagger.yaml, REFERENCE.md, cluster-defaults): ${all.join('; ')}.`,
  );
  expect(line).not.toContain('\n');
});

test('absent with CI=true: a failure, not a skip', () => {
  expect(() => odahuApiSkipLine(absent, { CI: 'true' })).toThrow(
    /lacks swagger\.yaml, REFERENCE\.md, cluster-defaults, and CI=true: these checks may not be skipped in CI/,
  );
});

test("partly there (the upstream files, not the project's REFERENCE.md): names what is missing", () => {
  const dir = mkdtempSync(join(tmpdir(), 'odahu-api-'));
  writeFileSync(join(dir, 'swagger.yaml'), 'swagger: "2.0"\n');
  mkdirSync(join(dir, 'cluster-defaults'));
  expect(odahuApiSkipLine(dir, {})).toBe(
    `Skipped (${dir} lacks REFERENCE.md): ${CHECKS['REFERENCE.md'].join('; ')}.`,
  );
  writeFileSync(join(dir, 'REFERENCE.md'), '# Reference\n');
  expect(odahuApiSkipLine(dir, { CI: 'true' })).toBeUndefined();
});
