// scripts/release.js, which the release workflow runs: the checks before a release, the notes from
// CHANGELOG.md, and the major tag moving to the newest release, in a repository with a remote.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/run-action.js';

const SCRIPT = join(ROOT, 'scripts', 'release.js');

/** Who makes the tags and commits here: a fresh CI machine has no git identity of its own. */
const IDENTITY = {
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
};

function release(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...IDENTITY },
  });
  return { code: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, ...IDENTITY } }).trim();

const CHANGELOG = `# Changelog

## [Unreleased]

### Added
- Something coming.

## [1.1.0] - 2025-12-01

### Added
- The second feature.

## [1.0.0] - 2025-11-29

### Added
- The first release.

[Unreleased]: https://github.com/odahu/odahu-actions/compare/v1.1.0...HEAD
[1.1.0]: https://github.com/odahu/odahu-actions/compare/v1.0.0...v1.1.0
[1.0.0]: https://github.com/odahu/odahu-actions/releases/tag/v1.0.0
`;

/** A clone of a bare "origin", at version `version`. */
function repository(): { work: string; origin: string; commit: (version: string) => string } {
  const origin = mkdtempSync(join(tmpdir(), 'release-origin-'));
  git(origin, 'init', '-q', '--bare');
  const work = mkdtempSync(join(tmpdir(), 'release-work-'));
  git(work, 'init', '-q');
  git(work, 'remote', 'add', 'origin', origin);
  writeFileSync(join(work, 'CHANGELOG.md'), CHANGELOG);
  const commit = (version: string) => {
    writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'x', version }));
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', version);
    return git(work, 'rev-parse', 'HEAD');
  };
  return { work, origin, commit };
}

test('notes: the version section of CHANGELOG.md, without the link definitions', () => {
  const { work, commit } = repository();
  commit('1.0.0');
  expect(release(work, 'notes', 'v1.0.0')).toEqual({
    code: 0,
    stdout: '### Added\n- The first release.',
    stderr: '',
  });
  expect(release(work, 'notes', 'v1.1.0').stdout).toBe('### Added\n- The second feature.');
});

test('check: names each problem, one line each', () => {
  const { work, commit } = repository();
  commit('1.0.0');
  expect(release(work, 'check', 'v1.0.0').code).toBe(0);
  expect(release(work, 'check', 'v1.2.0')).toMatchObject({
    code: 1,
    stderr: [
      'release: package.json says version 1.0.0, not 1.2.0: set it and commit before tagging',
      'release: CHANGELOG.md has no "## [1.2.0]" section: move "Unreleased" there',
    ].join('\n'),
  });
  expect(release(work, 'check', '1.0')).toMatchObject({
    code: 1,
    stderr: expect.stringContaining('is not a release tag'),
  });
});

test('tag, then move-major: v1 follows the newest release on the remote, never back', () => {
  const { work, origin, commit } = repository();
  const first = commit('1.0.0');
  expect(release(work, 'tag', 'v1.0.0').code).toBe(0);
  expect(release(work, 'tag', 'v1.0.0').stdout).toMatch(/^v1\.0\.0 already tags /);
  expect(release(work, 'move-major', 'v1.0.0')).toMatchObject({
    code: 0,
    stdout: expect.stringMatching(/^v1 → v1\.0\.0/),
  });
  expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(first);

  const second = commit('1.1.0');
  expect(release(work, 'tag', 'v1.1.0').code).toBe(0);
  expect(release(work, 'move-major', 'v1.1.0').code).toBe(0);
  expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(second);
  expect(git(origin, 'rev-parse', 'v1.0.0^{commit}')).toBe(first);

  // A fix of 1.0 released after 1.1 keeps v1 where it is.
  git(work, 'checkout', '-q', '-b', 'releases/v1.0', first);
  commit('1.0.1');
  git(work, 'tag', 'v1.0.1');
  expect(release(work, 'move-major', 'v1.0.1')).toMatchObject({
    code: 1,
    stderr: 'release: v1 stays where it is: v1.1.0 is newer than v1.0.1',
  });
  expect(git(origin, 'rev-parse', 'v1^{commit}')).toBe(second);

  // A tag that exists elsewhere is not made again on another commit.
  expect(release(work, 'tag', 'v1.1.0')).toMatchObject({
    code: 1,
    stderr: expect.stringMatching(/^release: v1\.1\.0 exists at /),
  });
});
