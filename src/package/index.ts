// Entry point of actions/package (bundled to dist/package/index.js).
import { run } from './main.js';

await run();
