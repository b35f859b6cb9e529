#!/usr/bin/env node
// Releasing (CONTRIBUTING.md says when and how): .github/workflows/release.yml runs these steps on a
// pushed vX.Y.Z tag or a manual dispatch, and a maintainer can run `check` before pushing the tag.
// Run from the repository's root: it reads package.json and CHANGELOG.md there and runs git there.
//   node scripts/release.js check vX.Y.Z        vX.Y.Z is a version tag, package.json says X.Y.Z, and
//                                               CHANGELOG.md has a section for it
//   node scripts/release.js notes vX.Y.Z        that section: the GitHub release's notes
//   node scripts/release.js tag vX.Y.Z [remote] tag HEAD (annotated) and push it, unless it is tagged
//   node scripts/release.js move-major vX.Y.Z [remote]
//                                               point the major tag (v1) at vX.Y.Z and push it, as
//                                               users pin @v1; refused when a newer v1.* exists
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const VERSION_TAG = /^v(\d+)\.(\d+)\.(\d+)$/;

class ReleaseError extends Error {}

/** vX.Y.Z as numbers, or a ReleaseError. */
function parseVersionTag(tag) {
  const match = VERSION_TAG.exec(tag ?? '');
  if (!match)
    throw new ReleaseError(`${JSON.stringify(tag)} is not a release tag: vMAJOR.MINOR.PATCH, e.g. v1.2.0`);
  return match.slice(1).map(Number);
}

/** The text of CHANGELOG.md's `## [X.Y.Z]` section (Keep a Changelog), without its heading. */
function changelogSection(changelog, version) {
  const lines = changelog.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`## [${version}]`));
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && /^## /.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .filter((line) => !/^\[[^\]]+\]: /.test(line)) // the link definitions at the end of the file
    .join('\n')
    .trim();
}

/** Every problem with releasing `tag` from the repository at `root`, one line each. */
function releaseProblems(root, tag) {
  let version;
  try {
    version = parseVersionTag(tag).join('.');
  } catch (error) {
    return [error.message];
  }
  const problems = [];
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  if (pkg.version !== version) {
    problems.push(
      `package.json says version ${pkg.version}, not ${version}: set it and commit before tagging`,
    );
  }
  const notes = changelogSection(readFileSync(join(root, 'CHANGELOG.md'), 'utf8'), version);
  if (!notes) {
    problems.push(
      `CHANGELOG.md has no ${notes === undefined ? '' : 'text in its '}"## [${version}]" section: move "Unreleased" there`,
    );
  }
  return problems;
}

function git(root, args) {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function commitOf(root, ref) {
  try {
    return git(root, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  } catch {
    return undefined;
  }
}

/** Tags HEAD as `tag` and pushes it; nothing to do when `tag` already names HEAD. */
function tagHead(root, tag, remote = 'origin') {
  parseVersionTag(tag);
  const head = commitOf(root, 'HEAD');
  const tagged = commitOf(root, `refs/tags/${tag}`);
  if (tagged === head) return `${tag} already tags ${head.slice(0, 12)}`;
  if (tagged) {
    throw new ReleaseError(
      `${tag} exists at ${tagged.slice(0, 12)}, not at HEAD ${head.slice(0, 12)}: release from that commit`,
    );
  }
  git(root, ['tag', '--annotate', tag, '--message', tag]);
  git(root, ['push', remote, `refs/tags/${tag}`]);
  return `tagged ${head.slice(0, 12)} as ${tag}`;
}

/** Points vMAJOR at `tag`'s commit and force-pushes it, unless a newer vMAJOR.* release exists. */
function moveMajorTag(root, tag, remote = 'origin') {
  const [major, minor, patch] = parseVersionTag(tag);
  const commit = commitOf(root, `refs/tags/${tag}`);
  if (!commit) throw new ReleaseError(`there is no tag ${tag} here`);
  const newer = git(root, ['tag', '--list', `v${major}.*`])
    .split('\n')
    .filter((name) => VERSION_TAG.test(name))
    .map((name) => [name, parseVersionTag(name)])
    .filter(([, [, m, p]]) => m > minor || (m === minor && p > patch))
    .map(([name]) => name);
  if (newer.length > 0) {
    throw new ReleaseError(`v${major} stays where it is: ${newer.join(', ')} is newer than ${tag}`);
  }
  git(root, ['tag', '--force', `v${major}`, commit]);
  git(root, ['push', '--force', remote, `refs/tags/v${major}`]);
  return `v${major} → ${tag} (${commit.slice(0, 12)})`;
}

/** The repository is the working directory (the release workflow's checkout, or yours). */
function main([command, tag, remote = 'origin']) {
  const root = process.cwd();
  switch (command) {
    case 'check': {
      const problems = releaseProblems(root, tag);
      if (problems.length > 0) throw new ReleaseError(problems.join('\n'));
      return `${tag}: package.json and CHANGELOG.md are ready`;
    }
    case 'notes': {
      const notes = changelogSection(
        readFileSync(join(root, 'CHANGELOG.md'), 'utf8'),
        parseVersionTag(tag).join('.'),
      );
      if (!notes) throw new ReleaseError(`CHANGELOG.md has no section for ${tag}`);
      return notes;
    }
    case 'tag':
      return tagHead(root, tag, remote);
    case 'move-major':
      return moveMajorTag(root, tag, remote);
    default:
      throw new ReleaseError('usage: node scripts/release.js check|notes|tag|move-major vX.Y.Z [remote]');
  }
}

try {
  console.log(main(process.argv.slice(2)));
} catch (error) {
  const message =
    error instanceof ReleaseError ? error.message : String(error.stderr || error.message).trim();
  console.error(
    message
      .split('\n')
      .map((line) => `release: ${line}`)
      .join('\n'),
  );
  process.exit(1);
}
