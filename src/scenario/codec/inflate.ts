/**
 * Raw DEFLATE with a ceiling on the output, so that a small link cannot unpack into gigabytes
 * (a "zip bomb"). Input is fed to fflate's streaming inflater in small chunks; DEFLATE
 * expands at most ~1032:1, so the memory used stays within the cap plus about 1 MB.
 */
import { Inflate } from 'fflate';

export type InflateResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'truncated' | 'corrupt' | 'too-large'; detail: string };

const CHUNK = 1024;

export function inflateCapped(data: Uint8Array, maxOutput: number): InflateResult {
  const parts: Uint8Array[] = [];
  let size = 0;
  let tooLarge = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > maxOutput) tooLarge = true;
    else parts.push(chunk);
  });
  try {
    if (data.length === 0) return { ok: false, reason: 'truncated', detail: 'no data' };
    for (let i = 0; i < data.length && !tooLarge; i += CHUNK) {
      inflater.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length);
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, reason: code === 0 ? 'truncated' : 'corrupt', detail };
  }
  if (tooLarge) return { ok: false, reason: 'too-large', detail: `more than ${maxOutput} bytes` };
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return { ok: true, bytes: out };
}
