/**
 * Seeded fuzzing of share links: 7,000 damaged, random and hostile links and 1,000 arbitrary
 * values per run (with fuzzFiles.test.ts, more than 10,000 inputs). None may throw, every
 * rejection must say why, anything accepted must be a valid scenario.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLink, checkValue, counter, linkMutation, SEED } from './fuzzCorpus.ts';

afterAll(() => {
  expect(counter.checked).toBe(8000);
});

describe('fuzz: share links', () => {
  it('never throw, and every rejection says why (7,000 links)', () => {
    fc.assert(fc.property(linkMutation, checkLink), { seed: SEED, numRuns: 7000 });
  });
  it('loadScenario never throws on arbitrary values (1,000 values)', () => {
    fc.assert(fc.property(fc.anything({ maxDepth: 4 }), checkValue), { seed: SEED, numRuns: 1000 });
  });
});
