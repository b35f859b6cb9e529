// Entry point of actions/predict (bundled to dist/predict/index.js).
import { run } from './main.js';

await run();
