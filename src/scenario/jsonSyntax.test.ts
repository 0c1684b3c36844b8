import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineColumn } from './jsonSyntax.ts';

describe('findJsonSyntaxError', () => {
  it('finds nothing wrong in valid JSON', () => {
    for (const t of ['{}', '[]', '0', '-0.5e+3', '"a\\u00e9\\n"', ' {"a": [1, {"b": null}], "c": true} ', '[[[[]]]]']) {
      expect(findJsonSyntaxError(t)).toBeNull();
    }
  });
  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
  it('agrees with JSON.parse on what is valid (random JSON-like text)', () => {
    const token = fc.constantFrom('{', '}', '[', ']', ',', ':', '"a"', '"', '1', '-', '0', '01', '.5', '1.', 'e5', 'true', 'null', 'nul', ' ', '\n', "'x'", '\\', '"\\u12"', '/');
    const jsonish = fc.oneof(
      fc.json(),
      fc.array(token, { maxLength: 12 }).map((t) => t.join('')),
      fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ' x')).map(([j, i, ins]) => j.slice(0, i % (j.length + 1)) + ins + j.slice(i % (j.length + 1))),
    );
    fc.assert(fc.property(jsonish, (text) => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      const err = findJsonSyntaxError(text);
      expect(err === null).toBe(valid);
      if (err) {
        expect(err.offset).toBeGreaterThanOrEqual(0);
        expect(err.offset).toBeLessThanOrEqual(text.length);
        expect(err.message.length).toBeGreaterThan(0);
      }
    }), { seed: 20240611, numRuns: 3000 });
  });
});
