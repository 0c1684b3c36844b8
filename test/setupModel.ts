// The app loads the scenario model before it creates a store (src/store/lazyModel.ts); so do the tests.
import { loadModel } from '../src/store/lazyModel.ts';

await loadModel();
