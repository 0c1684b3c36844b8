/**
 * Inputs for the fuzz tests (fuzzLinks.test.ts, fuzzFiles.test.ts): damaged, random and
 * hostile share links and scenario files, built from the fixtures by seeded fast-check
 * arbitraries; and the checks every input must pass: nothing throws, every rejection says
 * why, anything accepted is a valid scenario. Test code only.
 */
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { scenarioArbitrary } from '../arbitrary.ts';
import { fixtureTexts } from '../fixtures/index.ts';
import { loadScenario, type LoadResult } from '../load.ts';
import { withoutAnnotations } from '../serialize.ts';
import type { ScenarioV1 } from '../types.ts';
import { fromBase64Url, toBase64Url } from './base64url.ts';
import { importScenarioFile } from './file.ts';
import { decodeShareLink, encodeShareFragment, type ShareLinkResult } from './url.ts';

export const SEED = 0x5eed;

const texts = Object.values(fixtureTexts);
const docs: ScenarioV1[] = [
  ...texts.map((t) => withoutAnnotations(JSON.parse(t) as ScenarioV1)),
  ...fc.sample(scenarioArbitrary(), { seed: SEED, numRuns: 8 }),
];
const links = docs.map((d) => encodeShareFragment(d));
/** The scenarios as people write them, without the recordings' long annotations. */
const plainTexts = docs.map((d) => JSON.stringify(d, null, 2));
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const deflated = (bytes: Uint8Array) => `#s=1.${toBase64Url(deflateSync(bytes))}`;
const linkOf = (json: string) => deflated(strToU8(json));
const at = <T>(list: readonly T[], n: number) => list[n % list.length];

/** How many inputs the checks below have seen in this test file. */
export const counter = { checked: 0 };

function fail(what: string, input: unknown, detail: string): never {
  throw new Error(`${what}: ${detail}\ninput: ${JSON.stringify(input)?.slice(0, 2000)}`);
}

function checkRejection(input: unknown, r: { issues: { message: string }[] }, message?: string): void {
  if (message !== undefined && !message) fail('rejection', input, 'empty message');
  if (!r.issues.length) fail('rejection', input, 'no issues');
  for (const i of r.issues) if (!i.message) fail('rejection', input, 'an issue without a message');
}

/** Decodes a link: must not throw; a rejection must say why; an accepted scenario must be valid. */
export function checkLink(input: string): void {
  counter.checked++;
  let r: ShareLinkResult;
  try {
    r = decodeShareLink(input);
  } catch (e) {
    fail('decodeShareLink threw', input, String(e));
  }
  if (r.ok) {
    if (!loadScenario(r.scenario).ok) fail('accepted', input, 'the decoded scenario does not validate again');
    JSON.stringify(r.engine);
  } else {
    checkRejection(input, r, r.message);
  }
}

/** Imports a file's text: must not throw; a rejection must say why. */
export function checkFile(text: string): void {
  counter.checked++;
  let r: LoadResult;
  try {
    r = importScenarioFile(text);
  } catch (e) {
    fail('importScenarioFile threw', text, String(e));
  }
  if (!r.ok) checkRejection(text, r);
}

/** Any value given to loadScenario directly. */
export function checkValue(v: unknown): void {
  counter.checked++;
  let r: LoadResult;
  try {
    r = loadScenario(v);
  } catch (e) {
    fail('loadScenario threw', String(v), String(e));
  }
  if (!r.ok) checkRejection(String(v), r);
}

// ---------------------------------------------------------------- document mutations

const SPECIAL: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, '', 'x'.repeat(5000), 'eth0', '192.168.100.1', '02:00:00:00:0a:00',
  [], {}, [[[[]]]], { __proto__: { polluted: true } }, { type: 'ping' }, ['A.eth0', 'A.eth0'], '\u0000\ud800', 'default via',
];

/** Every node of a JSON value, with a setter, in document order. */
function nodes(root: unknown): { get: () => unknown; set: (v: unknown) => void; del: () => void }[] {
  const out: { get: () => unknown; set: (v: unknown) => void; del: () => void }[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ get: () => v[i], set: (n) => { v[i] = n; }, del: () => { v.splice(i, 1); } });
        walk(x);
      });
    } else if (typeof v === 'object' && v !== null) {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        out.push({ get: () => o[k], set: (n) => { o[k] = n; }, del: () => { delete o[k]; } });
        walk(o[k]);
      }
    }
  };
  walk(root);
  return out;
}

const docMutation = fc.record({
  doc: fc.nat(),
  edits: fc.array(fc.record({ node: fc.nat(), op: fc.nat(4), value: fc.oneof(fc.constantFrom(...SPECIAL), fc.jsonValue({ maxDepth: 2 })), key: fc.string({ maxLength: 12 }) }), { minLength: 1, maxLength: 3 }),
}).map(({ doc, edits }) => {
  const d = structuredClone(at(docs, doc)) as unknown;
  for (const e of edits) {
    const list = nodes(d);
    if (!list.length) break;
    const n = at(list, e.node);
    const v = n.get();
    if (e.op === 0) n.set(e.value);
    else if (e.op === 1) n.del();
    else if (e.op === 2 && typeof v === 'object' && v !== null && !Array.isArray(v)) (v as Record<string, unknown>)[e.key] = e.value;
    else if (e.op === 3 && Array.isArray(v)) v.push(v.length ? structuredClone(v[0]) : e.value);
    else n.set(typeof v === 'string' ? v.length : typeof v === 'number' ? String(v) : e.value);
  }
  return JSON.stringify(d);
});

/** Text-level damage: numbers made huge, characters flipped, text cut. */
const textMutation = (base: readonly string[]) => fc.record({
  text: fc.nat(),
  kind: fc.nat(5),
  at: fc.nat(),
  n: fc.integer({ min: 1, max: 8 }),
  ch: fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '\n', 'x', '0', '-', ' ', '\u00e9', '\u0000'),
  huge: fc.constantFrom('1e400', '-1e999', '123456789012345678901234567890', '0.0000000000000000000001', '-0', '1E+2'),
}).map(({ text, kind, at: pos, n, ch, huge }) => {
  const t = at(base, text);
  const p = pos % (t.length + 1);
  switch (kind) {
    case 0: return t.slice(0, p); // truncated
    case 1: return t.slice(0, p) + ch + t.slice(p + 1); // one character replaced
    case 2: return t.slice(0, p) + ch.repeat(n) + t.slice(p); // inserted
    case 3: return t.slice(0, p) + t.slice(p + n); // deleted
    case 4: { // a number made huge
      let i = 0;
      return t.replace(/-?\d+(?:\.\d+)?/g, (m) => (i++ === p % 50 ? huge : m));
    }
    default: return t.slice(p) + t.slice(0, p); // rotated
  }
});

// ---------------------------------------------------------------- link mutations

export const linkMutation: fc.Arbitrary<string> = fc.oneof(
  // cut off when copied
  fc.record({ l: fc.nat(), p: fc.nat() }).map(({ l, p }) => { const s = at(links, l); return s.slice(0, p % (s.length + 1)); }),
  // characters changed in the base64 text
  fc.record({
    l: fc.nat(),
    edits: fc.array(fc.record({ p: fc.nat(), c: fc.constantFrom(...B64, '*', '%', '=', ' ', '.', '#', '&', '+', '/', '\u00e9') }), { minLength: 1, maxLength: 4 }),
  }).map(({ l, edits }) => {
    let s = at(links, l);
    for (const e of edits) { const p = 5 + (e.p % Math.max(1, s.length - 5)); s = s.slice(0, p) + e.c + s.slice(p + 1); }
    return s;
  }),
  // bits flipped or bytes cut inside the compressed data
  fc.record({ l: fc.nat(), flips: fc.array(fc.record({ p: fc.nat(), bit: fc.nat(7) }), { minLength: 1, maxLength: 3 }), cut: fc.nat(3), q: fc.nat() }).map(({ l, flips, cut, q }) => {
    const s = at(links, l);
    const b = fromBase64Url(s.slice(5));
    if (!b.ok) return s;
    let bytes = b.bytes.slice();
    for (const f of flips) bytes[f.p % bytes.length] ^= 1 << f.bit;
    if (cut === 0) bytes = bytes.slice(0, q % (bytes.length + 1));
    return `#s=1.${toBase64Url(bytes)}`;
  }),
  // random base64
  fc.string({ unit: fc.constantFrom(...B64), maxLength: 600 }).map((s) => `#s=1.${s}`),
  // random everything
  fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 200 })).map(([v, d]) => `#s=${v}.${d}`),
  fc.string({ maxLength: 300 }),
  // valid deflate of garbage
  fc.uint8Array({ maxLength: 400 }).map(deflated),
  fc.string({ maxLength: 400 }).map(linkOf),
  fc.json({ maxDepth: 4 }).map(linkOf),
  // valid deflate of a damaged scenario
  docMutation.map(linkOf),
  textMutation(plainTexts).map(linkOf),
  // deep nesting in several places
  fc.record({ depth: fc.integer({ min: 100, max: 5000 }), where: fc.nat(3) }).map(({ depth, where }) => {
    const open = ['[', '{"a":', '[{"x":', '{"type":'][where];
    const close = [']', '}', '}]', '}'][where];
    const nested = `${open.repeat(depth)}0${close.repeat(depth)}`;
    return linkOf(where % 2 ? `{"hosts":${nested}}` : `{"hosts":{},"actions":${nested}}`);
  }),
);

/** Scenario file texts: damaged fixtures, damaged documents, random JSON and text. */
export const fileCorpus: fc.Arbitrary<string> = fc.oneof(
  textMutation(texts), textMutation(plainTexts), docMutation, fc.json({ maxDepth: 3 }), fc.string({ maxLength: 200 }),
);
