import { describe, expect, it } from 'vitest';
import { parseProcInt } from './procInt.ts';

/**
 * What kernel 6.18 stored for `sysctl -w net.ipv4.conf.eth0.arp_ignore=TEXT` in a network
 * namespace (procps 4.0.2 writes TEXT, stripped, with a newline); null: "Invalid argument".
 */
const LIVE: [string, number | null][] = [
  ['9', 9], ['-5', -5], ['2147483647', 2147483647], ['-2147483648', -2147483648],
  ['2147483648', null], ['-2147483649', null], ['abc', null], ['1.5', null], ['0x10', 16],
  ['010', 8], ['5 6', 5], ['+5', null], ['', null], ['7x', null], ['99999999999999999999', null],
  ['0x', null], ['-', null], ['1,2', null], ['-0', 0], ['0x7fffffff', 2147483647], ['0X10', 16],
  ['08', null], ['-3', -3],
];

describe('parseProcInt (kernel/sysctl.c __do_proc_dointvec, one int)', () => {
  it.each(LIVE)('%j → %s, as the live kernel stored it', (text, want) => {
    expect(parseProcInt(`${text}\n`)).toBe(want);
  });
  it('skips leading white space and needs a separator after the number', () => {
    expect(parseProcInt('  \t5\n')).toBe(5);
    expect(parseProcInt('5')).toBe(5);
    expect(parseProcInt('5\t7')).toBe(5);
    expect(parseProcInt('5;')).toBeNull();
  });
  it('refuses a number of 21 characters (TMPBUFLEN - 1), even a small one', () => {
    expect(parseProcInt(`${'0'.repeat(19)}5\n`)).toBe(5);
    expect(parseProcInt(`${'0'.repeat(20)}5\n`)).toBeNull();
  });
  it('reads a negative hexadecimal number', () => {
    expect(parseProcInt('-0x10\n')).toBe(-16);
    expect(parseProcInt('0x-1\n')).toBeNull();
  });
});
