/** A minimal reader of little-endian classic pcap, to check what the writer wrote. */
export interface ReadPacket {
  sec: number;
  usec: number;
  inclLen: number;
  origLen: number;
  bytes: Uint8Array;
}

export function readPcap(file: Uint8Array): { header: number[]; packets: ReadPacket[] } {
  const v = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const header = [v.getUint32(0, true), v.getUint16(4, true), v.getUint16(6, true), v.getInt32(8, true), v.getUint32(12, true), v.getUint32(16, true), v.getUint32(20, true)];
  const packets: ReadPacket[] = [];
  let at = 24;
  while (at < file.length) {
    const inclLen = v.getUint32(at + 8, true);
    packets.push({ sec: v.getUint32(at, true), usec: v.getUint32(at + 4, true), inclLen, origLen: v.getUint32(at + 12, true), bytes: file.slice(at + 16, at + 16 + inclLen) });
    at += 16 + inclLen;
  }
  if (at !== file.length) throw new Error('truncated pcap');
  return { header, packets };
}
