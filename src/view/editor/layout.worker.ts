/**
 * Auto-layout off the page's thread: d3-force's 300 ticks take seconds on a thousand hosts,
 * a frozen page if run there. One request per worker; Cancel terminates it (layoutInWorker.ts).
 */
import { layoutWork } from './layoutWork.ts';
import type { LayoutReply, LayoutRequest } from './layoutProtocol.ts';

const post = (m: LayoutReply) => (self as unknown as { postMessage(m: LayoutReply): void }).postMessage(m);

self.onmessage = (ev: MessageEvent<LayoutRequest>) => layoutWork(ev.data, post);
