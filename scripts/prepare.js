#!/usr/bin/env node
// npm's `prepare` script. When npm installs this repository as a git dependency (`npx
// github:odahu/odahu-actions#v1 convert ...`), it clones it, installs its dependencies, runs prepare
// with npm_package_resolved set to the clone, and packs it: here the tools are built then, into
// build/, which the package carries (.npmignore leaves build/ in; .gitignore keeps it out of git),
// since the installed package has no @vercel/ncc to build them on first use. A clone's own `npm ci`
// or `npm install` (no npm_package_resolved) builds nothing: there the tools build on first use.
import { TOOLS, build } from './build.js';

if (process.env.npm_package_resolved) {
  try {
    await build({ names: Object.keys(TOOLS), log: (line) => console.error(`built ${line}`) });
  } catch (error) {
    console.error(`prepare: building the tools failed: ${error.message}`);
    process.exit(1);
  }
}
