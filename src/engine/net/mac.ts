/** MAC addresses as lowercase colon-separated strings ("02:00:00:00:0a:00"). */
export type Mac = string;
export const BROADCAST_MAC: Mac = 'ff:ff:ff:ff:ff:ff';
export const ZERO_MAC: Mac = '00:00:00:00:00:00';

const MAC_RE = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
export function isMac(text: string): boolean {
  return MAC_RE.test(text.toLowerCase());
}
export function normMac(text: string): Mac {
  return text.toLowerCase();
}
/** Multicast bit of the first octet (broadcast included). */
export function isGroupMac(m: Mac): boolean {
  return (parseInt(m.slice(0, 2), 16) & 1) === 1;
}
