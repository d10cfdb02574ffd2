// Worker entry: plain JavaScript, so it starts under any loader; it registers tsx and loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./offer-evaluation.worker.ts');
