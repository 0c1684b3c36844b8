/** Exports of a simulation: frame bytes, pcap savefiles, SVG and PNG pictures of the canvas. */
export { frameBytes, ARP_FRAME_LEN, ICMP_ECHO_FRAME_LEN, MIN_FRAME_LEN, type FrameBytesOptions } from './frameBytes.ts';
export { capturedFrames, EPOCH_BASE_SECONDS, type CaptureOptions, type CapturedFrame } from './capture.ts';
export { writePcap, simResultToPcap, PCAP_MIME, type PcapPacket } from './pcap.ts';
export { serializeSvg, svgToPngBlob, pngScale, pngSize, SVG_MIME, type SerializeSvgOptions, type ViewBox } from './svg.ts';
