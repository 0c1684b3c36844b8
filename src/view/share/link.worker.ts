/**
 * Opens a share link off the page's thread: base64, inflate, JSON, validation and the
 * engine input of a heavy link (128 hosts, 1,000 actions) take a few hundred milliseconds of
 * cold code, which would otherwise be one long task when the page opens (issue 11: "opening
 * any link, embedded or not, never blocks the page"). The answer is plain data (openLink.ts).
 */
import { openShareLink } from '../../scenario/codec/url.ts';

self.onmessage = (ev: MessageEvent<string>) => {
  (self as unknown as { postMessage(m: unknown): void }).postMessage(openShareLink(ev.data));
};
