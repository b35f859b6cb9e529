// Entry point of actions/apply (bundled to dist/apply/index.js).
import { run } from './main.js';

await run();
