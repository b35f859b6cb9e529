#!/usr/bin/env node
// `npx odahu-emulator`: the emulator, run from its build (build/emulator, not committed), which is
// made first when it is missing or its sources changed (scripts/tool.js).
import { runTool } from '../scripts/tool.js';

await runTool('emulator');
