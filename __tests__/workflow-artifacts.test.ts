// The local runner's actions/upload-artifact and actions/download-artifact (src/workflow/artifacts.ts):
// a run's artifacts are folders under its own, found again by a later run's run-id; each refusal is the
// one line the real actions fail with.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtifactError, RunArtifacts } from '../src/workflow/artifacts.js';

function setUp() {
  const runs = mkdtempSync(join(tmpdir(), 'artifact-runs-'));
  const workspace = mkdtempSync(join(tmpdir(), 'artifact-workspace-'));
  mkdirSync(join(runs, '1'));
  mkdirSync(join(runs, '2'));
  mkdirSync(join(workspace, 'report', 'deep'), { recursive: true });
  writeFileSync(join(workspace, 'report', 'a.json'), '{"a": 1}');
  writeFileSync(join(workspace, 'report', 'deep', 'b.json'), '{"b": 2}');
  writeFileSync(join(workspace, 'report', '.hidden'), 'x');
  writeFileSync(join(workspace, 'notes.txt'), 'n');
  return { runs, workspace, first: new RunArtifacts(runs, '1'), second: new RunArtifacts(runs, '2') };
}

test('an upload keeps the files under the run; a later run downloads them by run-id, name or pattern', async () => {
  const { workspace, first, second } = setUp();
  const up = await first.upload({ name: 'report', path: 'report/' }, workspace);
  expect(up.lines).toEqual([expect.stringMatching(/^Uploaded 2 files as artifact report \(/)]);
  expect(up.outputs['artifact-id']).toBe('1');
  expect((await first.upload({ name: 'notes', path: '**/*.txt\n!report/**' }, workspace)).lines).toEqual([
    expect.stringMatching(/^Uploaded 1 file as artifact notes /),
  ]);
  await expect(first.upload({ name: 'report', path: 'report/' }, workspace)).rejects.toThrow(
    'Failed to create the artifact report: an artifact with this name already exists on the workflow run (overwrite: true replaces it)',
  );
  expect(
    (await first.upload({ name: 'report', path: 'report/', overwrite: 'true' }, workspace)).lines,
  ).toHaveLength(1);

  const hidden = await first.upload(
    { name: 'hidden', path: 'report/', 'include-hidden-files': 'true' },
    workspace,
  );
  expect(hidden.lines).toEqual([expect.stringMatching(/^Uploaded 3 files as artifact hidden /)]);

  const byName = second.download({ name: 'report', 'run-id': '1', path: 'got' }, workspace);
  expect(byName.lines).toEqual([`Artifact report of run 1 downloaded to ${join(workspace, 'got')}.`]);
  expect(readFileSync(join(workspace, 'got', 'deep', 'b.json'), 'utf8')).toBe('{"b": 2}');
  expect(readdirSync(join(workspace, 'got')).sort()).toEqual(['a.json', 'deep']);

  const all = second.download({ 'run-id': '1', path: 'all', pattern: 'rep*' }, workspace);
  expect(all.lines).toEqual([`1 artifact of run 1 (report) downloaded to ${join(workspace, 'all')}.`]);
  expect(readdirSync(join(workspace, 'all'))).toEqual(['report']);
  const merged = second.download({ 'run-id': '1', path: 'merged', 'merge-multiple': 'true' }, workspace);
  expect(merged.lines).toEqual([
    `3 artifacts of run 1 (hidden, notes, report) downloaded to ${join(workspace, 'merged')}, merged.`,
  ]);
  expect(second.download({ 'run-id': '1', pattern: 'zz*' }, workspace).lines).toEqual([
    'No artifacts of run 1 match zz*: nothing downloaded.',
  ]);
});

test('each refusal is one line: a bad name, no path, no files, an unknown run or artifact', async () => {
  const { runs, workspace, first, second } = setUp();
  await expect(first.upload({ name: 'a/b', path: 'report' }, workspace)).rejects.toThrow(ArtifactError);
  await expect(first.upload({ name: 'x' }, workspace)).rejects.toThrow(
    'Input required and not supplied: path',
  );
  await expect(
    first.upload({ name: 'x', path: 'none/*', 'if-no-files-found': 'error' }, workspace),
  ).rejects.toThrow('No files were found with the provided path: none/*. No artifacts will be uploaded.');
  const warned = await first.upload({ name: 'x', path: 'none/*' }, workspace);
  expect(warned.warnings).toEqual([
    'No files were found with the provided path: none/*. No artifacts will be uploaded.',
  ]);
  expect(() => second.download({ 'run-id': '9' }, workspace)).toThrow(
    `Unable to download artifact(s): run 9 is not one of this machine's runs (${runs})`,
  );
  expect(() => second.download({ 'run-id': '1', name: 'report' }, workspace)).toThrow(
    'Unable to download artifact(s): Artifact not found for name: report (run 1 has none)',
  );
});
