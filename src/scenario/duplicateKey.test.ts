import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './codec/base64url.ts';
import { decodeShareLink } from './codec/url.ts';
import { findDuplicateKey } from './jsonSyntax.ts';
import { TWICE } from './fixtures/duplicateKey.ts';
import { loadScenarioText } from './load.ts';


describe('repeated JSON keys', () => {
  it('finds the key, the object it is in, its line and the first line', () => {
    expect(findDuplicateKey(TWICE)).toEqual({ key: 'A', path: ['hosts'], line: 6, column: 5, firstLine: 4 });
    expect(findDuplicateKey('[{"a":1},{"b":[{"x":1,"y":{"q":[]},"x":2}]}]')).toMatchObject({ key: 'x', path: [1, 'b', 0] });
    // Keys are compared decoded: "\u0041" is "A"; a quote inside a key does not end it.
    expect(findDuplicateKey('{"A":1,"\\u0041":2}')).toMatchObject({ key: 'A' });
    expect(findDuplicateKey('{"a\\"b":1,"a\\"b":2}')).toMatchObject({ key: 'a"b' });
    // The same key in different objects, and strings that look like keys, are fine.
    expect(findDuplicateKey('{"a":{"a":1},"b":{"a":"a","b":["a","a"]}}')).toBeNull();
  });
  it('finds none in any JSON that JSON.stringify wrote (random values)', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(findDuplicateKey(JSON.stringify(v, null, 1))).toBeNull();
    }), { seed: 11, numRuns: 300 });
  });
  it('finds every duplicate planted in random objects', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 1, maxKeys: 6 }), fc.nat(), (o, pick) => {
      const keys = Object.keys(o);
      const k = keys[pick % keys.length];
      const text = `{"wrap":[${JSON.stringify(o).slice(0, -1)},${JSON.stringify(k)}:0}]}`;
      expect(findDuplicateKey(text)).toMatchObject({ key: k, path: ['wrap', 0] });
    }), { seed: 12, numRuns: 200 });
  });
  it('a file with a repeated host is an error naming the key and its line', () => {
    const r = loadScenarioText(TWICE);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ path: 'hosts.A', code: 'duplicateKey' });
    expect(r.issues[0].message).toContain('"A" appears twice in the same object (line 6; first on line 4)');
  });
  it('a share link with a repeated host is refused with the same message', () => {
    const r = decodeShareLink(`#s=1.${toBase64Url(deflateSync(strToU8(TWICE)))}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain('hosts.A: the key "A" appears twice in the same object (line 6; first on line 4)');
  });

});
