// Entry point of actions/resume (bundled to dist/resume/index.js).
import { run } from './main.js';

await run();
