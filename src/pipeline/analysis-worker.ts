/** @module A worker thread of the analysis pool: loads the lexicons once, then analyses the batches it is sent. */
import { parentPort } from 'node:worker_threads';
import { loadLexicons, understandReport } from '../understand/understand.ts';
import { analyseDocument, type DocumentInput } from './analyse-document.ts';
import { encodeAnalyses } from './analysis-wire.ts';

if (!parentPort) throw new Error('analysis-worker.ts runs as a worker thread of the analysis pool');
const port = parentPort;
const lexicons = loadLexicons();
port.on(
  'message',
  (message: { readonly id: number; readonly documents: readonly DocumentInput[]; readonly stage: 'all' | 'understand' }) => {
    try {
      // `understand` alone is for measuring that stage; the pipeline always asks for every per-document stage.
      const results =
        message.stage === 'understand'
          ? message.documents.map((d) => ({
              documentId: d.id,
              ...understandReport(d, lexicons, { source: d.source ?? null }),
              claims: [],
              events: [],
            }))
          : message.documents.map((d) => analyseDocument(d, lexicons));
      // As JSON text, without quoting the texts the main thread holds (`analysis-wire.ts`).
      port.postMessage({ id: message.id, results: encodeAnalyses(results, message.documents) });
    } catch (error) {
      port.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
    }
  },
);
port.postMessage({ ready: true });
