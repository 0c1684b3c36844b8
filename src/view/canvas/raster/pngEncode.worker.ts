/**
 * The PNG export's bitmap and its encoding off the page's thread (rasterExport.ts): a 64 M-pixel
 * canvas takes ~100 ms just to be allocated and cleared, and its PNG encoding longer, each of
 * which was a task of that length on the page. The page draws slices and sends them here.
 */
export type PngEncodeMessage =
  | { kind: 'start'; width: number; height: number }
  | { kind: 'slice'; top: number; bitmap: ImageBitmap }
  | { kind: 'encode' };
export type PngEncodeReply = { kind: 'png'; blob: Blob } | { kind: 'error'; message: string };

const post = (m: PngEncodeReply) => (self as unknown as { postMessage(m: PngEncodeReply): void }).postMessage(m);
let ctx: OffscreenCanvasRenderingContext2D | null = null;

self.onmessage = async (ev: MessageEvent<PngEncodeMessage>) => {
  const m = ev.data;
  try {
    if (m.kind === 'start') {
      ctx = new OffscreenCanvas(m.width, m.height).getContext('2d');
      if (!ctx) throw new Error('no 2D canvas in this browser');
    } else if (m.kind === 'slice') {
      ctx?.drawImage(m.bitmap, 0, m.top);
      m.bitmap.close();
    } else if (ctx) {
      post({ kind: 'png', blob: await ctx.canvas.convertToBlob({ type: 'image/png' }) });
      ctx = null;
    }
  } catch (e) {
    post({ kind: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
