/**
 * Size limits of a scenario. A shared link is untrusted input that the browser simulates at
 * once, so every list and every duration has a ceiling well above any lesson's needs.
 * Hosts and segment members go to 2,000: a data centre's director with a thousand real
 * servers on a few segments fits. What a run may do with them is bounded separately by the
 * work budget (src/engine/sim/budget.ts), whatever the sizes; the canvas draws topologies
 * this large on a 2D canvas (src/view/canvas/bigCanvas/).
 */
export const LIMITS = {
  hosts: 2000,
  interfacesPerHost: 16,
  addressesPerInterface: 64,
  routesPerHost: 256,
  neighPerHost: 256,
  sysctlsPerHost: 256,
  /** listening sockets per host, virtual services per director, real servers per service */
  listenPerHost: 64,
  ipvsServices: 64,
  ipvsDests: 256,
  segments: 256,
  membersPerSegment: 2000,
  actions: 1000,
  /** ping -c, arping -c */
  count: 1000,
  /** wait, settle, ping -W/-i, arping -w: one day of simulated time */
  seconds: 86400,
  /** title, notes, description */
  textChars: 20000,
} as const;

/** Largest scenario text accepted from a file (characters). */
export const MAX_TEXT_CHARS = 5_000_000;
