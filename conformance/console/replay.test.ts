/**
 * The console against recorded kernel text, without root: conformance/console/transcripts.json
 * holds what iproute2, procps sysctl and net-tools printed for every line of cases.ts in
 * network namespaces (`npm run conformance -- --console --record`); the console prints the
 * same lines here and, after normalise.ts, must print them identically — except the commands
 * KNOWN_DIFFERENCES lists with their reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CASES } from './cases.ts';
import { compareTranscripts, consoleCase, describeVerdict, type LineVerdict } from './compare.ts';
import { KNOWN_DIFFERENCES } from './differences.ts';
import type { TranscriptFile } from './cli.ts';
import { normalise } from './normalise.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const file = JSON.parse(readFileSync(new URL('./transcripts.json', import.meta.url), 'utf8')) as TranscriptFile;

describe('the console prints what the real tools printed', () => {
  it('records every case and line of cases.ts', () => {
    expect(file.transcripts.map((t) => [t.name, t.lines.map((l) => l.cmd)])).toEqual(CASES.map((c) => [c.name, c.lines]));
  });

  it('every command identically (after the documented normalisation), but the known differences', async () => {
    const verdicts: LineVerdict[] = [];
    for (const [i, c] of CASES.entries()) verdicts.push(...compareTranscripts(file.transcripts[i]!, await consoleCase(ROOT, c)));
    const differ = verdicts.filter((v) => !v.same);
    const same = verdicts.length - differ.length;
    console.log(`console: ${same}/${verdicts.length} commands print identically (kernel ${file.versions.kernel})`);
    const unexpected = differ.filter((v) => !KNOWN_DIFFERENCES.some((k) => k.case === v.case && k.cmd === v.cmd));
    expect(unexpected.map(describeVerdict)).toEqual([]);
    expect(differ.map((v) => `${v.case}: ${v.cmd}`)).toEqual(KNOWN_DIFFERENCES.map((k) => `${k.case}: ${k.cmd}`));
    expect(verdicts.length).toBeGreaterThanOrEqual(90);
  });
});

describe('normalisation', () => {
  it('drops the harness\'s veth peers and the kernel\'s reference counts, blanks timers and counters', () => {
    expect(normalise('ip link', '2: eth0@if7: <UP> mtu 1500\n    link/ether 02:00:00:00:03:00 brd ff:ff:ff:ff:ff:ff link-netns arplab-igol-sw\n'))
      .toBe('2: eth0: <UP> mtu 1500\n    link/ether 02:00:00:00:03:00 brd ff:ff:ff:ff:ff:ff\n');
    expect(normalise('ip -s neigh', '10.0.0.1 dev eth0 lladdr 02:00:00:00:02:01  ref 1 used 3/1/2probes 4 REACHABLE \n'))
      .toBe('10.0.0.1 dev eth0 lladdr 02:00:00:00:02:01  used #/#/#probes # REACHABLE \n');
    expect(normalise('ip -s link show eth0', '    RX:  bytes packets\n           140       2      0 \n')).toBe('    RX:  bytes packets\n    #\n');
    expect(normalise('ifconfig eth0', '        RX packets 2  bytes 140 (140.0 B)\n')).toBe('        RX packets #  bytes # (#)\n');
  });
  it('sorts neighbour rows (the kernel lists its hash table, seeded at random), keeping arp\'s header first', () => {
    expect(normalise('arp -n', 'Address  HWtype\n10.0.0.9 x\n10.0.0.1 y\n')).toBe('Address  HWtype\n10.0.0.1 y\n10.0.0.9 x\n');
    expect(normalise('ip neigh show dev eth0', 'b\na\n')).toBe('a\nb\n');
    expect(normalise('ip addr', 'b\na\n')).toBe('b\na\n');
  });
  it('leaves a differing message different', () => {
    expect(normalise('ip foo', 'Object "foo" is unknown, try "ip help".\n')).not.toBe(normalise('ip foo', 'Object "foo" is unknown.\n'));
  });
});
