/**
 * Commands whose text still differs from the real tool's, each with the reason. The replay
 * test fails when a command not listed here differs, and when one listed here no longer
 * does (so the list cannot go stale).
 */
export const KNOWN_DIFFERENCES: { case: string; cmd: string; reason: string }[] = [
  {
    case: 'real-server',
    cmd: 'sysctl -w net.ipv4.conf.all.arp_ignore=9',
    reason:
      'the scenario format accepts only the documented values of a knob (arp_ignore 0–8; src/engine/host/conf.ts: in a teaching tool an out-of-range value is almost always a typo), so the console refuses 9 with the EINVAL message; the kernel stores any integer (devinet_conf_proc has no range) and arp_ignore 9 then answers like 0',
  },
];
