import { describe, expect, it } from 'vitest';
import { scoreStep } from './score.ts';

describe('scoreStep', () => {
  it('gives partial credit per goal', () => {
    expect(scoreStep(0, 3, 1, 2).points).toBe(0);
    expect(scoreStep(1, 3, 1, 2).points).toBe(33);
    expect(scoreStep(2, 3, 2, 2).points).toBe(67);
    expect(scoreStep(3, 3, 2, 2).points).toBe(100);
  });
  it('keeps every point at or under the reference number of changes and costs in proportion above it', () => {
    expect(scoreStep(2, 2, 1, 2).points).toBe(100);
    expect(scoreStep(2, 2, 4, 2).points).toBe(50);
    expect(scoreStep(1, 2, 3, 1).points).toBe(17);
  });
  it('scores nothing for a step solved by showing the solution', () => {
    expect(scoreStep(2, 2, 2, 2, true).points).toBe(0);
  });
});
