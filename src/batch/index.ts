// Entry point of actions/batch (bundled to dist/batch/index.js).
import { run } from './main.js';

await run();
