/**
 * The Internet checksum (RFC 1071): one's complement of the one's-complement sum of the
 * 16-bit big-endian words. IPv4 headers and ICMP messages both carry it; readers such as
 * tshark flag a wrong one, so the exported frames must get it right.
 */
export function internetChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let sum = 0;
  for (let i = start; i < end; i += 2) {
    // An odd trailing byte is padded with a zero byte (RFC 1071 §4.1).
    sum += (bytes[i] << 8) | (i + 1 < end ? bytes[i + 1] : 0);
  }
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}
