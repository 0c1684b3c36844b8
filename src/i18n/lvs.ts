/**
 * UI text of the LVS views (connections list, ARP-fix toggle, ipvsadm views, IPVS why
 * details, the director's service editor), in both languages. Mounted under `lvs` in
 * i18n/en.ts and i18n/zh.ts (the type `Messages` checks that the keys match).
 */

export const lvsEn = {
  fix: {
    label: 'ARP fix on the real servers',
    on: 'on',
    off: 'off',
    mixed: 'on {{n}} of {{total}}',
    turnOn: 'Apply the ARP fix to every real server',
    turnOff: 'Remove the ARP fix from every real server',
    hint: 'On: the VIP on lo with arp_ignore=1 and arp_announce=2 on all, so only the director answers ARP for the VIP. Off: the VIP on lo alone, which answers all the same. One undo step.',
  },
  conns: {
    title: 'Connections',
    none: 'No connect action has run. Add one (Command: connect) to open connections to a virtual service.',
    step: 'Step {{n}}: {{cmd}}',
    notYet: 'Not run yet at the playback position.',
    summary: '{{total}} connections: {{via}} through the director, {{bypassed}} bypassed it, {{failed}} not served',
    perServer: 'Per real server',
    serverLine: '{{server}}: {{n}} served — {{via}} through the director, {{bypassed}} directly',
    col: { n: '#', client: 'Client', to: 'Service', result: 'Outcome', path: 'Path' },
    served: 'served by {{server}} through {{director}}',
    bypassed: 'served by {{server}} directly — the director was bypassed',
    servedPlain: 'served by {{server}}',
    result: { reset: 'reset', refused: 'refused', unreachable: 'unreachable', timeout: 'timed out' },
    why: 'Why',
    whyAria: 'Show why connection {{n}} went this way',
  },
  ipvsadm: {
    title: 'IPVS tables',
    after: 'after step {{n}}',
    before: 'before the first step',
    none: 'No virtual service on this host.',
  },
  sched: {
    title: 'What {{scheduler}} saw',
    rs: 'Real server',
    weight: 'Weight',
    active: 'Active',
    inactive: 'Inactive',
    chosen: 'chosen',
  },
  note: {
    loAlone: '{{tip}} is on {{on}}, not on {{dev}}: arp_ignore is read for {{dev}}, the interface the request came in on — max(all={{all}}, {{dev}}={{devValue}}) = {{value}}. At 0 Linux answers for an address on any interface, so the VIP on {{on}} alone does not keep this real server quiet, and {{on}}’s own arp_ignore is never read.',
    loQuiet: '{{tip}} is on {{on}}, not on {{dev}}: arp_ignore={{value}} (the max of all and {{dev}}, the interface the request came in on) answers only for addresses on {{dev}}, so this real server stays quiet and the director answers for the VIP.',
  },
};

