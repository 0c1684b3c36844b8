import { describe, expect, it } from 'vitest';
import type { Frame } from '../../engine/trace.ts';
import { events, request, reply } from '../../store/__fixtures__/miniTrace.ts';
import { actionCommand, eventLine, isArpEvent } from './eventLine.ts';

const frames = new Map<number, Frame>([[1, request], [2, reply]]);
const kinds = new Map<number, string>([[1, 'arp-request'], [2, 'arp-reply']]);

describe('event lines', () => {
  it('prints frames sent and received in tcpdump’s words', () => {
    expect(eventLine(events[3], frames)).toEqual({ tone: 'tx', who: 'B.eth0 >', text: 'ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28', frameId: 1 });
    expect(eventLine(events[4], frames)).toMatchObject({ tone: 'rx', who: 'A.eth1 <', text: 'ARP, Request who-has 192.168.100.36 tell 192.168.100.39, length 28' });
    expect(eventLine(events[8], frames).text).toBe('ARP, Reply 192.168.100.36 is-at 02:00:00:00:0a:00, length 28');
  });
  it('marks drops and prints cache changes and steps', () => {
    expect(eventLine(events[5], frames)).toMatchObject({ tone: 'drop', who: 'A.eth1', frameId: 1 });
    expect(eventLine(events[10], frames).text).toBe('192.168.100.36 dev eth0 lladdr 02:00:00:00:0a:00 INCOMPLETE → REACHABLE (arp_reply)');
    expect(eventLine(events[1], frames).text).toBe('#1 B$ ping -c 1 192.168.100.36');
  });
  it('tells ARP events from the rest', () => {
    expect(isArpEvent(events[3], kinds)).toBe(true);
    expect(isArpEvent(events[11], kinds)).toBe(false);
  });
  it('writes actions as shell commands', () => {
    expect(actionCommand({ type: 'arping', host: 'A', iface: 'eth1', target: '192.168.100.39', src: '192.168.100.17', count: 3, U: true })).toBe(
      'arping -U -c 3 -I eth1 -s 192.168.100.17 192.168.100.39');
    expect(actionCommand({ type: 'flush', hosts: ['A', 'B'] })).toBe('ip neigh flush all');
    expect(actionCommand({ type: 'wait', seconds: 5 })).toBe('sleep 5');
    expect(actionCommand({ type: 'ping', host: 'B', to: '10.0.0.1', count: 2, iface: 'eth0' })).toBe('ping -c 2 -I eth0 10.0.0.1');
  });
});
