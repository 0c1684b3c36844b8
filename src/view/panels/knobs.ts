/** The per-interface IPv4 knobs the inspector edits, with the values each one knows. */
export const KNOBS = [
  { name: 'arp_ignore', values: [0, 1, 2, 3, 8] },
  { name: 'arp_announce', values: [0, 1, 2] },
  { name: 'arp_filter', values: [0, 1] },
  { name: 'arp_accept', values: [0, 1, 2] },
  { name: 'rp_filter', values: [0, 1, 2] },
  { name: 'proxy_arp', values: [0, 1] },
  { name: 'arp_notify', values: [0, 1] },
  { name: 'forwarding', values: [0, 1] },
] as const;

export type KnobName = (typeof KNOBS)[number]['name'];

export const sysctlKey = (scope: string, knob: string) => `net.ipv4.conf.${scope}.${knob}`;
