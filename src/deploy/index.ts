// Entry point of actions/deploy (bundled to dist/deploy/index.js).
import { run } from './main.js';

await run();
