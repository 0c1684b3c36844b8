/**
 * Size limits of a scenario. A shared link is untrusted input that the browser simulates at
 * once, so every list and every duration has a ceiling well above any lesson's needs.
 */
export const LIMITS = {
  hosts: 128,
  interfacesPerHost: 16,
  addressesPerInterface: 64,
  routesPerHost: 256,
  neighPerHost: 256,
  sysctlsPerHost: 256,
  /** listening sockets per host, virtual services per director, real servers per service */
  listenPerHost: 64,
  ipvsServices: 64,
  ipvsDests: 256,
  segments: 64,
  membersPerSegment: 256,
  actions: 1000,
  /** ping -c, arping -c */
  count: 1000,
  /** wait, settle, ping -W/-i, arping -w: one day of simulated time */
  seconds: 86400,
  /** title, notes, description */
  textChars: 20000,
} as const;
