import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../arbitrary.ts';
import { fixtureText } from '../fixtures/index.ts';
import { loadScenario } from '../load.ts';
import { serializeScenario, withoutAnnotations } from '../serialize.ts';
import type { ScenarioV1 } from '../types.ts';
import { toBase64Url } from './base64url.ts';
import { buildShareUrl, decodeShareLink, encodeShareFragment, encodeSharePayload, MAX_INFLATED_BYTES, readSharePayload } from './url.ts';

function fixture(name: string): ScenarioV1 {
  const r = loadScenario(JSON.parse(fixtureText(name)));
  if (!r.ok) throw new Error(`${name} does not load`);
  return r.scenario;
}
/** A payload made of arbitrary bytes, deflated like a real link. */
const link = (json: string, version = 1) => `#s=${version}.${toBase64Url(deflateSync(strToU8(json)))}`;

describe('share links: round trip', () => {
  it('decode(encode(s)) deep-equals s for random valid scenarios', () => {
    fc.assert(fc.property(scenarioArbitrary({ annotations: true }), (s) => {
      const r = decodeShareLink(encodeShareFragment(s));
      if (!r.ok) throw new Error(r.message);
      expect(r.scenario).toEqual(s);
      expect(serializeScenario(r.scenario)).toBe(serializeScenario(s));
    }), { seed: 1, numRuns: 300 });
  });
  it('round-trips every fixture, annotations included', () => {
    for (const f of ['S01_basic.json', 'S03_arp_flux.json', 'S11_lvs_dr.json', 'S17_arp_notify.json']) {
      const s = fixture(f);
      const r = decodeShareLink(encodeShareFragment(s));
      expect(r.ok && r.scenario).toEqual({ version: 1, ...s });
    }
  });
  it('works with a whole URL, a fragment, or the bare parameter', () => {
    const s = fixture('S01_basic.json');
    const url = buildShareUrl('https://arplab.example/app/?lang=en#old', s);
    expect(url).toMatch(/^https:\/\/arplab\.example\/app\/\?lang=en#s=2\.[A-Za-z0-9_-]+$/);
    for (const input of [url, url.slice(url.indexOf('#')), `s=${encodeSharePayload(s)}`, `#lesson=3&s=${encodeSharePayload(s)}`, ` ${url}\n`]) {
      expect(decodeShareLink(input).ok).toBe(true);
    }
  });
  it('survives line breaks and percent-encoding added by chat programs', () => {
    const f = encodeShareFragment(fixture('S01_basic.json'));
    expect(decodeShareLink(`${f.slice(0, 40)}\n${f.slice(40)}`).ok).toBe(true);
    expect(decodeShareLink(f.replace('s=2.', 's%3D2.').replace('#', '#')).ok).toBe(false);
    expect(decodeShareLink(`#s=${encodeURIComponent(encodeSharePayload(fixture('S01_basic.json')))}`).ok).toBe(true);
  });
});

describe('share links: size budget', () => {
  it("the article's two-NIC experiment (S03, annotations stripped) fits in 1,000 characters", () => {
    const fragment = encodeShareFragment(withoutAnnotations(fixture('S03_arp_flux.json')));
    expect(fragment.length).toBeLessThanOrEqual(1000);
  });
  it('every fixture, annotations stripped, fits in 2,000 characters', () => {
    for (const f of readdirSafe()) {
      expect(encodeShareFragment(withoutAnnotations(fixture(f))).length, f).toBeLessThanOrEqual(2000);
    }
  });
});
function readdirSafe(): string[] {
  return ['S01_basic.json', 'S02_arping_spoof.json', 'S03_arp_flux.json', 'S06_eth0_ignore1_metric200.json', 'S11_lvs_dr.json', 'S13_gratuitous.json', 'S16_proxy_arp.json'];
}

describe('share links: links saved from earlier versions still open', () => {
  // Saved by ARP Lab format 1. Never regenerate these: they are what users have bookmarked.
  const saved: [string, string, (s: ScenarioV1) => void][] = [
    [
      'format 1, two hosts and a ping',
      '#s=1.nU-7DoMwDPyVyjNKE0RfbPQbuiGGCFyIRBNErFYVyr_XIe3QlcU-W77z3QJPnL1xFkqVARkaEUq4vdxucJ48ZJB6uUAVi7GE8123uK6QBhm77roZvY_LGtQlF-p4FkpKcSj2eQFNCCGD6wb-Sf74LOCxf6BNZkbNjmuoxCrB4gk0fKZb4jxRagF6TzHPZGz_jcJTxZAcg_9PEJrwAQ',
      (s) => {
        expect(s.title).toBe('Two hosts');
        expect(Object.keys(s.hosts)).toEqual(['A', 'B']);
        expect(s.actions).toEqual([{ type: 'ping', host: 'A', to: '192.168.100.70' }]);
      },
    ],
    [
      'format 1, LVS-DR (S11)',
      '#s=1.1VTBahsxEP0VoUtTulV2t6HUCz3Zl0IPwYVcjAmqduwVKFojyQ7B7L_3SbZjO147zSUQsLWSRvPmzbyR1nxFzuvW8qrIeNDBEK_477s_X0fjit39umWtZaEhVmtHKrTuk2cUmpxJW-9MjqRhnhyQYDUtz3hNXjm9CAmYj7a-bFRtnItBKYrvP0SR5_hflzfsS4p1uF_m-fW3kl1Fhyr_LNh4H4aNix6ksgBSdg4IZE3LrkybwIZGkw1seHRyMACAYLeN9MQQYVwwaYyQbnGv57Z19DPPnnekte3SKuztPMo-j6LHoxQoUdP64Hm15qM4aBvIzaSitBVTi98HqVC-vKxylGDzqzHCW9a1I-_j8Qk_KSfP1lzp2sH5tBLwNvIvGRg3teXdtOu6jI-LNzGhV5gkOfgUwGgJQBwe_D96UasdueGbuKlXuCWlwS1Be5o_oBkSppFo2AkfiQQea7KbDTeTmI9UsbE3eYSnRbwx0Ffb-VZWrIeYBunmFBcvkoRJxyS2AmCp0Bc4iBv4iLGDelvYmVn6Zt8sE-CCwLO5JyZKfRLvQwFa0vPmHsodu-lFbyFrWu3LaEwU_MyNscsaFh8kXrhL_HELDhN4lDrA7Em1tsaBQpRn04NrT36DwYHgFxL3T14F85JKDA3sNeoShF6sbgSIzMTxK5Nap__A7tHhVYlevyRbhpcoPQKH6X_Yvn5nGafdPw',
      (s) => expect(s).toEqual({ version: 1, ...withoutAnnotations(fixture('S11_lvs_dr.json')) }),
    ],
  ];
  it.each(saved)('%s', (_name, url, check) => {
    const r = decodeShareLink(url);
    if (!r.ok) expect.fail(r.message);
    check(r.scenario);
  });
});

describe('share links: every rejection says why', () => {
  const good = encodeShareFragment(fixture('S01_basic.json'));
  const cases: [string, string, string, string][] = [
    ['no fragment', 'https://arplab.example/', 'linkNoScenario', 'has no scenario'],
    ['another fragment', '#lesson=3', 'linkNoScenario', 'has no scenario'],
    ['empty data', '#s=1.', 'linkEmpty', 'empty'],
    ['no version', '#s=', 'linkEmpty', 'empty'],
    ['no dot', '#s=abc', 'linkBadVersion', 'format marker'],
    ['bad version', '#s=v1.AAAA', 'linkBadVersion', 'format marker "v1"'],
    ['newer version', good.replace('s=2.', 's=3.'), 'linkTooNew', 'made by a newer ARP Lab'],
    ['bad character', `${good.slice(0, 20)}*${good.slice(21)}`, 'linkBadBase64', 'character "*" at position 17'],
    ['impossible length', `${good}A`.slice(0, 5 + 4 * 20 + 1), 'linkBadLength', 'impossible length'],
    ['truncated', good.slice(0, good.length - 12), 'linkTruncated', 'ends too early'],
    ['not deflate', '#s=1.____________________', 'linkNotDeflate', 'not valid compressed data'],
    ['not UTF-8', `#s=1.${toBase64Url(deflateSync(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))}`, 'linkNotText', 'not UTF-8'],
    ['not JSON', link('hello'), 'linkNotJson', 'not valid JSON'],
    ['cut JSON', link('{"hosts": {'), 'linkNotJson', 'not valid JSON'],
    ['not an object', link('[1,2]'), 'linkInvalid', 'must be a JSON object'],
    ['invalid scenario', link('{"version":1,"hosts":{"A":{"interfaces":{"eth0":{"mac":"zz"}}}}}'), 'linkInvalid', 'hosts.A.interfaces.eth0.mac: "zz" is not a MAC address'],
    ['version mismatch', link('{"version":3,"hosts":{}}'), 'linkVersionMismatch', 'says version 3'],
  ];
  it.each(cases)('%s', (_name, input, code, fragment) => {
    const r = decodeShareLink(input);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe(code);
    expect(r.message).toContain(fragment);
    expect(r.issues.length).toBeGreaterThan(0);
  });
  it('an invalid scenario lists its first issues in the message and all of them in issues', () => {
    const doc = { hosts: { A: { interfaces: { eth0: { mac: 'a' }, eth1: { mac: 'b' }, eth2: { mac: 'c' }, eth3: { mac: 'd' } } } } };
    const r = decodeShareLink(link(JSON.stringify(doc)));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^the link's scenario is not valid \(4 problems\): hosts\.A\.interfaces\.eth0\.mac/);
    expect(r.message).not.toContain('eth3');
    expect(r.issues.map((i) => i.path)).toEqual([0, 1, 2, 3].map((i) => `hosts.A.interfaces.eth${i}.mac`));
  });
  it('a zip bomb is stopped at the size cap', () => {
    const bomb = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const r = decodeShareLink(`#s=1.${toBase64Url(deflateSync(bomb, { level: 9 }))}`);
    expect(r).toMatchObject({ ok: false, code: 'linkTooLarge' });
  });
  it('the cap is exact: 1 MB of JSON opens, one byte more does not', () => {
    const sized = (n: number) => {
      const head = '{"hosts":{},"note":"';
      return `${head}${'x'.repeat(n - head.length - 2)}"}`;
    };
    expect(sized(MAX_INFLATED_BYTES)).toHaveLength(MAX_INFLATED_BYTES);
    expect(decodeShareLink(link(sized(MAX_INFLATED_BYTES))).ok).toBe(true);
    expect(decodeShareLink(link(sized(MAX_INFLATED_BYTES + 1)))).toMatchObject({ ok: false, code: 'linkTooLarge' });
  });
  it('an absurdly long link is refused before decoding', () => {
    expect(decodeShareLink(`#s=1.${'A'.repeat(3 * 1024 * 1024)}`)).toMatchObject({ ok: false, code: 'linkTooLong' });
  });
  it('readSharePayload finds the parameter', () => {
    expect(readSharePayload('https://x/#a=1&s=1.abc&b=2')).toBe('1.abc');
    expect(readSharePayload('https://x/')).toBeNull();
  });
});
