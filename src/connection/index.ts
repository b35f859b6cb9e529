// Entry point of actions/connection (bundled to dist/connection/index.js).
import { run } from './main.js';

await run();
