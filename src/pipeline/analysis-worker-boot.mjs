// Boots an analysis worker thread: worker threads do not inherit tsx's loader, so register it, then load the worker.
import { register } from 'tsx/esm/api';

register();
await import('./analysis-worker.ts');
