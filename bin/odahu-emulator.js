#!/usr/bin/env node
// `npx odahu-emulator`: the bundled emulator (dist/emulator), so it runs with plain node after `npm ci`.
import '../dist/emulator/index.js';
