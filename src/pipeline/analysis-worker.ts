/** @module A worker thread of the analysis pool: loads the lexicons once, then analyses the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { loadLexicons } from '../understand/understand.ts';
import { analyseDocument, type DocumentInput } from './analyse-document.ts';

if (!parentPort) throw new Error('analysis-worker.ts runs as a worker thread of the analysis pool');
const port = parentPort;
const lexicons = loadLexicons();
port.on('message', (message: { readonly id: number; readonly documents: readonly DocumentInput[] }) => {
  try {
    port.postMessage({ id: message.id, results: message.documents.map((d) => analyseDocument(d, lexicons)) });
  } catch (error) {
    port.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
port.postMessage({ ready: true });
