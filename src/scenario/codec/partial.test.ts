/**
 * Links and files load what is valid, as the autosave does (issue 11: "loading never throws
 * away valid work because of a bad part"): the rest of the scenario, each part left out with
 * its reason, and the text as it was, to keep aside.
 */
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { LVS_TRAINER } from '../fixtures/lvsTrainer.ts';
import { toBase64Url } from './base64url.ts';
import { exportScenarioFile, openScenarioFile } from './file.ts';
import { decodeShareLink, encodeShareFragment, openShareLink } from './url.ts';

const linkOf = (json: string) => `https://x.example/#s=1.${toBase64Url(deflateSync(strToU8(json)))}`;
const HOSTS = ['C1', 'R1', 'D', 'RS1', 'RS2'];

describe('a share link with one bad part', () => {
  const json = JSON.stringify(LVS_TRAINER);

  it('opens without it: the topology, the other actions, the part and why, the original text', () => {
    expect(decodeShareLink(linkOf(json)).ok).toBe(false);
    const r = openShareLink(linkOf(json));
    if (!r.ok) throw new Error(r.message);
    expect(Object.keys(r.scenario.hosts)).toEqual(HOSTS);
    expect(r.scenario.actions).toEqual([LVS_TRAINER.actions[0], LVS_TRAINER.actions[2]]);
    expect(r.leftOut).toEqual([{ path: 'actions[1]', reason: expect.objectContaining({ path: 'actions[1].iface', code: 'pingIface', args: ['C1', 'eth1', ['eth0', 'lo']] }) }]);
    expect(r.original).toBe(json);
  });

  it('a bad address and a bad host: everything else stays', () => {
    const doc = structuredClone(LVS_TRAINER) as typeof LVS_TRAINER & Record<string, unknown>;
    (doc.hosts.RS2.interfaces.eth0.addresses as string[]).push('192.168.100.300/24');
    (doc.hosts as Record<string, unknown>)['bad host'] = { interfaces: {} };
    const r = openShareLink(linkOf(JSON.stringify(doc)));
    if (!r.ok) throw new Error(r.message);
    expect(Object.keys(r.scenario.hosts)).toEqual(HOSTS);
    expect(r.scenario.hosts.RS2.interfaces?.eth0.addresses).toEqual(['192.168.100.12/24']);
    expect(r.leftOut.map((l) => l.path).sort()).toEqual(['actions[1]', 'hosts.RS2.interfaces.eth0.addresses[1]', 'hosts["bad host"]']);
    for (const l of r.leftOut) expect(l.reason.message).not.toBe('');
  });

  it('a valid link opens whole, with nothing left out', () => {
    const good = { ...LVS_TRAINER, actions: [LVS_TRAINER.actions[0]] };
    const r = openShareLink(linkOf(JSON.stringify(good)));
    expect(r.ok && r.leftOut).toEqual([]);
    const again = decodeShareLink(linkOf(JSON.stringify(good)));
    if (!again.ok) throw new Error(again.message);
    const r2 = openShareLink(encodeShareFragment(again.scenario));
    expect(r2.ok && r2.scenario).toEqual(again.scenario);
  });

  it('what cannot be salvaged is still refused with its reason: a damaged link, a document without hosts, a repeated key', () => {
    const cut = openShareLink(linkOf(json).slice(0, -20));
    expect(cut.ok).toBe(false);
    const noHosts = openShareLink(linkOf(JSON.stringify({ version: 1, hosts: 'none' })));
    expect(noHosts.ok || noHosts.code).toBe('linkInvalid');
    const dup = openShareLink(linkOf('{"version":1,"hosts":{"A":{"interfaces":{}},"A":{"interfaces":{}}}}'));
    expect(dup.ok || dup.issues[0].code).toBe('duplicateKey');
  });
});

describe('a scenario file with one bad part', () => {
  it('opens without it, the part and why listed', () => {
    const text = `${JSON.stringify(LVS_TRAINER, null, 2)}\n`;
    const r = openScenarioFile(text);
    if (!r.ok) throw new Error(r.issues[0].message);
    expect(Object.keys(r.scenario.hosts)).toEqual(HOSTS);
    expect(r.leftOut.map((l) => [l.path, l.reason.code])).toEqual([['actions[1]', 'pingIface']]);
    // The parts kept are exactly what a valid file with them would give.
    const kept = openScenarioFile(exportScenarioFile(r.scenario));
    expect(kept.ok && kept.leftOut).toEqual([]);
    expect(kept.ok && kept.scenario).toEqual(r.scenario);
  });

  it('text that is not JSON, or repeats a key, is refused whole with line and column', () => {
    const r = openScenarioFile('{\n  "version": 1,\n  "hosts": {}\n');
    expect(r.ok || r.issues[0].code).toBe('jsonSyntax');
    expect(r.ok || r.issues[0].message).toMatch(/line 4/);
    const d = openScenarioFile('{"version": 1, "hosts": {}, "hosts": {}}');
    expect(d.ok || d.issues[0].code).toBe('duplicateKey');
  });
});
