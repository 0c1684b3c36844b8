import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitrary } from '../arbitrary.ts';
import { fixtureText } from '../fixtures/index.ts';
import { exportScenarioFile, importScenarioFile, scenarioFileName } from './file.ts';


describe('scenario files', () => {
  it('export → import gives the scenario back (random scenarios)', () => {
    fc.assert(fc.property(scenarioArbitrary({ annotations: true }), (s) => {
      const r = importScenarioFile(exportScenarioFile(s));
      if (!r.ok) throw new Error(r.issues[0].message);
      expect(r.scenario).toEqual(s);
    }), { seed: 2, numRuns: 150 });
  });
  it('writes indented canonical JSON: version first, contract field order, final newline', () => {
    const text = exportScenarioFile({
      actions: [{ to: '10.0.0.2', host: 'A', type: 'ping' }],
      hosts: { A: { interfaces: { eth0: { addresses: ['10.0.0.1/8'], mac: '02:00:00:00:0a:00' } } } },
      title: 'T',
    });
    expect(text).toBe(`{
  "version": 2,
  "title": "T",
  "hosts": {
    "A": {
      "interfaces": {
        "eth0": {
          "mac": "02:00:00:00:0a:00",
          "addresses": [
            "10.0.0.1/8"
          ]
        }
      }
    }
  },
  "actions": [
    {
      "type": "ping",
      "host": "A",
      "to": "10.0.0.2"
    }
  ]
}
`);
  });
  it('keeps the order of hosts and interfaces (it decides default MACs)', () => {
    const text = exportScenarioFile({ hosts: { Z: { interfaces: { eth1: {}, eth0: {} } }, A: {} } });
    expect(text.indexOf('"Z"')).toBeLessThan(text.indexOf('"A"'));
    expect(text.indexOf('"eth1"')).toBeLessThan(text.indexOf('"eth0"'));
  });
  it('imports the oracle files as they are', () => {
    const r = importScenarioFile(fixtureText('S16_proxy_arp.json'));
    expect(r.ok).toBe(true);
  });
  it('reports syntax errors with line and column', () => {
    const r = importScenarioFile('{\n  "hosts": {\n    "A": {},\n  }\n}\n');
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'jsonSyntax', message: expect.stringContaining('line 3, column 12') }] });
  });
  it('names files after the title', () => {
    expect(scenarioFileName({ title: 'ARP flux: two NICs, arp_ignore=0', hosts: {} })).toBe('arp-flux-two-nics-arp-ignore-0.json');
    expect(scenarioFileName({ title: 'Écoute ARP', hosts: {} })).toBe('ecoute-arp.json');
    expect(scenarioFileName({ hosts: {} })).toBe('scenario.json');
    expect(scenarioFileName({ title: '!!!', hosts: {} })).toBe('scenario.json');
  });
});
