// Entry point of actions/wait (bundled to dist/wait/index.js).
import { run } from './main.js';

await run();
