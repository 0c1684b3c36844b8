/** Locked settings are refused by checkOp whatever edit would change them, and by the console that edits through it. */
import { describe, expect, it } from 'vitest';
import { MemoryBackend } from '../commands/memoryBackend.ts';
import { runLine } from '../commands/session.ts';
import { lessonById } from '../lessons/index.ts';
import { loadScenario } from '../scenario/load.ts';
import { checkOp } from './check.ts';
import { lockedChanges } from './locks.ts';
import type { ScenarioOp } from './op.ts';

const step = lessonById('lvs-dr-arp')!.steps[1]; // RS1 and RS2 have all.arp_ignore=1
const s = step.scenario;
const LOCKS = ['arp_ignore', 'rp_filter'];
const check = (op: ScenarioOp) => checkOp(s, op, loadScenario, LOCKS);

describe('locked settings in checkOp', () => {
  it('refuses setting, changing or deleting a locked knob, on any interface, with the knob named', () => {
    for (const op of [
      { type: 'setSysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore', value: 2 },
      { type: 'setSysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore', value: null },
      { type: 'setSysctl', host: 'D', key: 'net.ipv4.conf.eth0.rp_filter', value: 1 },
    ] as const) {
      const r = check(op);
      expect(r.ok, JSON.stringify(op)).toBe(false);
      if (!r.ok) expect(r.issues[0]).toMatchObject({ code: 'locked', message: expect.stringMatching(/^(arp_ignore|rp_filter) is locked in this lesson/) });
    }
  });
  it('refuses a sysctl action that sets a locked knob, and removing a host that sets one', () => {
    expect(check({ type: 'addAction', action: { type: 'sysctl', hosts: ['RS1'], set: { 'net.ipv4.conf.eth0.arp_ignore': 1 } } }).ok).toBe(false);
    expect(check({ type: 'deleteHost', host: 'RS2' }).ok).toBe(false);
    expect(check({ type: 'batch', ops: [{ type: 'moveNode', id: 'C', x: 1, y: 1 }, { type: 'setSysctl', host: 'RS2', key: 'net.ipv4.conf.lo.arp_ignore', value: 1 }] }).ok).toBe(false);
  });
  it('lets every other edit through: other knobs, other fields, the same value written again', () => {
    expect(check({ type: 'setSysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_announce', value: 2 }).ok).toBe(true);
    expect(check({ type: 'addAction', action: { type: 'sysctl', hosts: ['RS1'], set: { 'net.ipv4.conf.all.arp_announce': 2 } } }).ok).toBe(true);
    expect(check({ type: 'setSysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore', value: 1 }).ok).toBe(true);
    expect(checkOp(s, { type: 'setSysctl', host: 'RS1', key: 'net.ipv4.conf.all.arp_ignore', value: 2 }).ok).toBe(true);
  });
  it('compares sysctl actions as the sequence of locked settings they make: moving an unrelated action is no change, reordering them is', () => {
    const set = (v: number): ScenarioOp => ({ type: 'addAction', action: { type: 'sysctl', hosts: ['RS1'], set: { 'net.ipv4.conf.all.arp_ignore': v } } });
    const one = checkOp(s, set(0));
    const two = one.ok ? checkOp(one.next, set(1)) : one;
    if (!two.ok) throw new Error('setup');
    const a = two.next; // connect, arp_ignore=0, arp_ignore=1
    const waited = checkOp(a, { type: 'addAction', action: { type: 'wait', seconds: 1 }, index: 0 }, loadScenario, LOCKS);
    expect(waited.ok).toBe(true);
    expect(checkOp(a, { type: 'moveAction', from: 0, to: 2 }, loadScenario, LOCKS).ok).toBe(true);
    expect(checkOp(a, { type: 'moveAction', from: 2, to: 1 }, loadScenario, LOCKS).ok).toBe(false);
    expect(lockedChanges(a, s, LOCKS)).toEqual([{ knob: 'arp_ignore', path: 'actions' }]);
  });
});

describe('locked settings in the console', () => {
  it('sysctl -w and echo > /proc/sys of a locked knob print the refusal and change nothing; others apply', async () => {
    const b = new MemoryBackend(s, 'RS1');
    b.locks = LOCKS;
    const before = b.scenario;
    const w = await runLine(b, 'sysctl -w net.ipv4.conf.eth0.arp_ignore=0');
    expect(w.rc).not.toBe(0);
    expect(w.out).toEqual(['arplab: actions: arp_ignore is locked in this lesson: reach the goals without changing it']);
    const e = await runLine(b, 'echo 1 > /proc/sys/net/ipv4/conf/all/rp_filter');
    expect(e.out.join('\n')).toMatch(/rp_filter is locked in this lesson/);
    expect(b.scenario).toBe(before);
    const ok = await runLine(b, 'sysctl -w net.ipv4.conf.all.arp_announce=2');
    expect(ok.rc).toBe(0);
    expect(b.scenario).not.toBe(before);
  });
});
