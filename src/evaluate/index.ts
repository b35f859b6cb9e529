// Entry point of actions/evaluate (bundled to dist/evaluate/index.js).
import { run } from './main.js';

await run();
