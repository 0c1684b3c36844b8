/**
 * Seeded fuzzing of scenario files: 3,000 damaged fixtures, damaged documents, random JSON and
 * random text per run. None may throw, every rejection must say why.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFile, counter, fileCorpus, SEED } from './fuzzCorpus.ts';

afterAll(() => {
  expect(counter.checked).toBe(3000);
});

describe('fuzz: scenario files', () => {
  it('never throw, and every rejection says why (3,000 files)', () => {
    fc.assert(fc.property(fileCorpus, checkFile), { seed: SEED + 1, numRuns: 3000 });
  });
});
