/**
 * Version 1 → 2 on every version-1 document the project has: the oracle scenarios
 * (src/scenario/fixtures), the gallery's files, and the conformance scenarios (the
 * article's and the kernel selftests'). Each must open exactly as it did: the loaded
 * scenario is the file with `version: 2`, the engine gets the same input as from the file
 * written as version 2, a `#s=1.` link of it (what a version-1 ARP Lab wrote) opens to the
 * same scenario, and saving it writes version 2, which loads back the same.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../src/scenario/codec/base64url.ts';
import { exportScenarioFile, importScenarioFile } from '../src/scenario/codec/file.ts';
import { decodeShareLink, encodeShareFragment } from '../src/scenario/codec/url.ts';
import { loadScenario } from '../src/scenario/load.ts';

const root = process.cwd();
const jsonIn = (dir: string): string[] => readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(dir, f));

const docs = [
  ...jsonIn('src/scenario/fixtures'),
  ...jsonIn('src/examples/gallery/scenarios'),
  ...jsonIn('conformance/scenarios'),
].map((path) => [path, JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>] as const)
  .filter(([, doc]) => doc.version === 1 || (doc.version === undefined && typeof doc.hosts === 'object'));

/** What a version-1 ARP Lab put in a link: `#s=1.` and the raw-deflated JSON as it was. */
const v1Link = (doc: object) => `#s=1.${toBase64Url(deflateSync(strToU8(JSON.stringify(doc)), { level: 9 }))}`;

describe('version-1 documents open identically in version 2', () => {
  it('finds them: the oracle fixtures, the gallery and the conformance scenarios', () => {
    expect(docs.filter(([p]) => p.startsWith('src/scenario/fixtures')).length).toBeGreaterThanOrEqual(17);
    expect(docs.filter(([p]) => p.startsWith('src/examples/gallery')).length).toBeGreaterThanOrEqual(19);
    expect(docs.filter(([p]) => p.startsWith('conformance/')).length).toBeGreaterThanOrEqual(20);
  });

  it.each(docs)('%s', (_path, doc) => {
    const r = loadScenario(doc);
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    // the same document, now version 2 (the migration adds nothing else)
    expect(r.scenario).toEqual({ ...doc, version: 2 });
    // the engine runs exactly what it ran: the same input as the document written as version 2
    const asV2 = loadScenario({ ...doc, version: 2 });
    expect(asV2.ok && asV2.engine).toEqual(r.engine);
    // a saved version-1 link of it opens to the same scenario and engine input
    const link = decodeShareLink(v1Link(doc));
    if (!link.ok) throw new Error(link.message);
    expect(link.scenario).toEqual(r.scenario);
    expect(link.engine).toEqual(r.engine);
    // saving writes version 2, and what is saved loads back the same
    const file = exportScenarioFile(r.scenario);
    expect(JSON.parse(file).version).toBe(2);
    const back = importScenarioFile(file);
    expect(back.ok && back.engine).toEqual(r.engine);
    const fragment = encodeShareFragment(r.scenario);
    expect(fragment.startsWith('#s=2.')).toBe(true);
    const again = decodeShareLink(fragment);
    expect(again.ok && again.engine).toEqual(r.engine);
  });
});
