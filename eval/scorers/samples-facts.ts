/** @module Scores facts on the project's own samples (`samples/expected.json`), the same way `seeds-facts` scores the seeds. */
import { join } from 'node:path';
import type { Scorer } from '../scorer.ts';
import { scoreFacts } from './seeds-facts.ts';

const samplesFacts: Scorer = {
  name: 'samples-facts',
  description: 'claims reconciled into facts on the samples (samples/expected.json): gold facts, update links, must_not items',
  async run({ projectDir, workDir }) {
    const notes: string[] = [];
    const scores = await scoreFacts(
      join(projectDir, 'samples/reports'),
      join(projectDir, 'samples/expected.json'),
      join(workDir, 'samples.db'),
      'samples',
      notes,
    );
    return { scores, notes };
  },
};

export default samplesFacts;
