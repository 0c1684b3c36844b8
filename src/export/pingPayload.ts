/**
 * The 56 data bytes of an iputils ping echo request (the default `-s 56`), byte-exact with
 * what `ping` on x86_64 Linux sends (checked with `tcpdump -xx` against iputils 20221126):
 * ping fills the data with 0x00, 0x01, … and then writes a `struct timeval` over its start,
 * so the bytes are tv_sec (8 bytes, little-endian), tv_usec (8 bytes), then 0x10 … 0x37.
 * Wireshark decodes the first 16 bytes as "Timestamp from icmp data".
 * An echo reply carries the request's data unchanged.
 */

export const PING_DATA_LEN = 56;
/** sizeof(struct timeval) on 64-bit Linux. */
const TIMEVAL_LEN = 16;

/** Data of an echo request sent at `unixMicros` (microseconds since the Unix epoch). */
export function pingPayload(unixMicros: number): Uint8Array {
  const data = new Uint8Array(PING_DATA_LEN);
  for (let i = TIMEVAL_LEN; i < PING_DATA_LEN; i++) data[i] = i;
  const sec = Math.floor(unixMicros / 1e6);
  const usec = unixMicros - sec * 1e6;
  const view = new DataView(data.buffer);
  // 64-bit little-endian fields written as two 32-bit halves (exact for any safe integer).
  view.setUint32(0, sec % 2 ** 32, true);
  view.setUint32(4, Math.floor(sec / 2 ** 32), true);
  view.setUint32(8, usec, true);
  view.setUint32(12, 0, true);
  return data;
}
