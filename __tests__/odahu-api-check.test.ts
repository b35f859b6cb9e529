// Without ../shared/odahu-api the contract checks skip with one line naming them; with CI=true the
// run fails instead (jest.config.js runs this check as its globalSetup).

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKS, odahuApiSkipLine } from './helpers/odahu-api-check.js';

const absent = join(tmpdir(), 'no-such-odahu-api');

test('absent: one line naming every skipped check', () => {
  const line = odahuApiSkipLine(absent, {});
  expect(line).toBe(`Skipped (${absent} lacks swagger.yaml and cluster-defaults): ${CHECKS.join('; ')}.`);
  expect(line).not.toContain('\n');
});

test('absent with CI=true: a failure, not a skip', () => {
  expect(() => odahuApiSkipLine(absent, { CI: 'true' })).toThrow(
    /lacks swagger\.yaml and cluster-defaults, and CI=true: these checks may not be skipped in CI/,
  );
});

test('half there: names what is missing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'odahu-api-'));
  writeFileSync(join(dir, 'swagger.yaml'), 'swagger: "2.0"\n');
  expect(odahuApiSkipLine(dir, {})).toMatch(/lacks cluster-defaults\)/);
  mkdirSync(join(dir, 'cluster-defaults'));
  expect(odahuApiSkipLine(dir, { CI: 'true' })).toBeUndefined();
});
