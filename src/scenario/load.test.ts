import { describe, expect, it } from 'vitest';
import { fixtureNames, fixtureText } from './fixtures/index.ts';
import { formatIssue, loadScenario, loadScenarioText } from './load.ts';

const fixtures = fixtureNames;

describe('fixtures (the oracle recordings)', () => {
  it('are all here', () => expect(fixtures.length).toBeGreaterThanOrEqual(17));
  it.each([...fixtures])('%s loads', (f: string) => {
    const r = loadScenarioText(fixtureText(f));
    if (!r.ok) expect.fail(r.issues.map(formatIssue).join('\n'));
    expect(r.engine.hosts.length).toBe(Object.keys(r.scenario.hosts).length);
    expect(r.engine.actions.length).toBe(r.scenario.actions?.length ?? 0);
  });
  it('keeps the annotations in the scenario and leaves them out of the engine input', () => {
    const r = loadScenarioText(fixtureText('S01_basic.json'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.id).toBe('S01');
    expect(r.scenario.actions?.[0].expect).toBeDefined();
    expect(JSON.stringify(r.engine)).not.toContain('expect');
    expect(JSON.stringify(r.engine)).not.toContain('article');
  });
});

describe('loadScenario', () => {
  it('normalises: defaults filled in, MACs lower-cased, route strings parsed', () => {
    const r = loadScenario({
      hosts: {
        A: {
          interfaces: { eth0: { addresses: ['10.0.0.1/8'] }, eth1: { mac: '02:00:00:00:AA:01' } },
          routes: ['default via 10.0.0.254 dev eth0 metric 100'],
          neigh: [{ ip: '10.0.0.9', dev: 'eth0', lladdr: '02:00:00:00:09:0A', nud: 'PERMANENT' }],
        },
      },
      actions: [{ type: 'flush', host: 'A' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const h = r.engine.hosts[0];
    expect(r.engine.seed).toBe(1);
    expect(h.interfaces.map((i) => i.mac)).toEqual(['02:00:00:00:01:00', '02:00:00:00:aa:01']);
    expect(h.routes).toEqual([{ dest: 'default', via: '10.0.0.254', dev: 'eth0', metric: 100 }]);
    expect(h.neigh).toEqual([{ ip: '10.0.0.9', dev: 'eth0', lladdr: '02:00:00:00:09:0a', nud: 'permanent' }]);
    expect(r.engine.actions).toEqual([{ type: 'flush', hosts: ['A'] }]);
  });
  it('returns a copy, not the input', () => {
    const input = { hosts: { A: {} } };
    const r = loadScenario(input);
    // no version means version 1, brought to 2 by the migration
    expect(r.ok && r.scenario).toEqual({ ...input, version: 2 });
    expect(r.ok && r.scenario).not.toBe(input);
  });
  it('never throws, even on hostile objects', () => {
    const throwing = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
    const cyclic: Record<string, unknown> = { hosts: {} };
    cyclic.expect = cyclic;
    (cyclic.hosts as Record<string, unknown>).A = { note: cyclic };
    const inputs: unknown[] = [
      undefined, NaN, Symbol('x'), () => 1, new Map(), new Date(), throwing, { hosts: throwing }, cyclic,
      Object.create(null), { hosts: Object.create(null) }, { __proto__: { hosts: {} } }, { hosts: { constructor: {} } },
    ];
    for (const input of inputs) {
      let r: ReturnType<typeof loadScenario> | undefined;
      expect(() => { r = loadScenario(input); }).not.toThrow();
      if (r && !r.ok) {
        expect(r.issues.length).toBeGreaterThan(0);
        for (const i of r.issues) expect(i.message.length).toBeGreaterThan(0);
      }
    }
  });
  it('reports a "__proto__" key instead of dropping it', () => {
    const r = loadScenario(JSON.parse('{"hosts": {"A": {}, "__proto__": {"interfaces": {}}}}'));
    expect(r).toMatchObject({ ok: false, issues: [{ path: 'hosts.__proto__', code: 'reservedName' }] });
    expect(loadScenario(JSON.parse('{"hosts": {}, "expect": {"__proto__": 1}}')).ok).toBe(true);
  });
  it('accepts a cyclic annotation without reading it', () => {
    const doc: Record<string, unknown> = { hosts: { A: {} } };
    doc.note = doc;
    expect(loadScenario(doc).ok).toBe(true);
  });
});

describe('loadScenarioText', () => {
  const cases: [string, string, string][] = [
    ['{"hosts": {},}', 'line 1, column 13', 'a comma before a closing brace'],
    ['{\n  "hosts": {\n    "A": {\'interfaces\': {}}\n  }\n}', 'line 3, column 11', 'double quotes'],
    ['{"hosts": {"A": {}}', 'line 1, column 20', 'a closing "}" is missing'],
    ['{"hosts" {}}', 'line 1, column 10', 'a ":" was expected'],
    ['{"hosts": {"A": {} "B": {}}}', 'line 1, column 20', 'is a comma missing?'],
    ['{"title": "ARP\nflux", "hosts": {}}', 'line 1, column 15', 'runs past the end of the line'],
    ['{"seed": 007, "hosts": {}}', 'line 1, column 10', 'cannot start with 0'],
    ['// my scenario\n{"hosts": {}}', 'line 1, column 1', 'comments are not allowed'],
    ['{"hosts": {}, "seed": NaN}', 'line 1, column 23', 'unexpected word "NaN"'],
    ['{"hosts": {}} {}', 'line 1, column 15', 'after the end of the JSON value'],
    ['[1, 2,]', 'line 1, column 6', 'a comma before a closing bracket'],
    ['{"a": "\\x"}', 'line 1, column 8', 'invalid escape'],
    ['{"a": "unterminated', 'line 1, column 7', 'never closed'],
  ];
  it.each(cases)('%j → %s: %s', (text, where, what) => {
    const r = loadScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].code).toBe('jsonSyntax');
    expect(r.issues[0].message).toContain(`JSON syntax error at ${where}: `);
    expect(r.issues[0].message).toContain(what);
  });
  it('reports an empty file', () => {
    for (const t of ['', '   \n', '\ufeff']) expect(loadScenarioText(t)).toMatchObject({ ok: false, issues: [{ code: 'fileEmpty' }] });
  });
  it('accepts a byte-order mark', () => expect(loadScenarioText('\ufeff{"hosts": {}}').ok).toBe(true));
  it('refuses a huge text before parsing it', () => {
    const r = loadScenarioText(' '.repeat(5_000_001));
    expect(r).toMatchObject({ ok: false, issues: [{ code: 'fileTooLarge' }] });
  });
  it('passes validation problems through with their paths', () => {
    const r = loadScenarioText('{"hosts": {"A": {"interfaces": {"eth0": {"mac": "nope"}}}}}');
    expect(r).toMatchObject({ ok: false, issues: [{ path: 'hosts.A.interfaces.eth0.mac', code: 'notMac' }] });
  });
  it('rejects a non-string without throwing', () => {
    expect(loadScenarioText(5 as unknown as string).ok).toBe(false);
  });
  it('handles deep nesting', () => {
    const deep = `{"hosts": {}, "note": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(loadScenarioText(deep).ok).toBe(true);
    const broken = `{"hosts": {}, "note": ${'['.repeat(100_000)}}`;
    const r = loadScenarioText(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].code).toBe('jsonSyntax');
  });
});
