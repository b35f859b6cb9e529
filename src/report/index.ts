// Entry point of actions/report (bundled to dist/report/index.js).
import { run } from './main.js';

await run();
