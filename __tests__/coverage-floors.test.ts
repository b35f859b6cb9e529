// Every folder of src/ has a coverage floor in jest.config.js (npm test -- --coverage holds them), so
// a new action or a new layer cannot arrive untested by the suite's own measure.

import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const { default: config } = (await import(join(ROOT, 'jest.config.js'))) as {
  default: { coverageThreshold: Record<string, Record<string, number>> };
};
const folders = (dir: string) =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `./${dir}/${entry.name}/`);

test('every folder of src/ and of src/shared has a floor for each measure', () => {
  const thresholds = config.coverageThreshold;
  const wanted = [
    ...folders('src').filter((folder) => folder !== './src/shared/'),
    ...folders('src/shared'),
    './src/shared/*.ts',
  ];
  expect(wanted.filter((folder) => thresholds[folder] === undefined)).toEqual([]);
  for (const folder of wanted) {
    expect({ folder, measures: Object.keys(thresholds[folder]!).sort() }).toEqual({
      folder,
      measures: ['branches', 'functions', 'lines', 'statements'],
    });
  }
});
