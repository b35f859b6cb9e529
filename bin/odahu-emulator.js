#!/usr/bin/env node
// `npx odahu-emulator`: the emulator, run from its build (build/emulator, not committed), which is
// made first when it is missing or its sources changed (scripts/tool.js).
import '../scripts/node-check.js';
import { runTool } from '../scripts/tool.js';

await runTool('emulator');
