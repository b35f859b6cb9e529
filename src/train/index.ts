// Entry point of actions/train (bundled to dist/train/index.js).
import { run } from './main.js';

await run();
