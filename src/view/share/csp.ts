/**
 * No eval under the page's Content-Security-Policy: zod's jitless setting (see
 * scenario/zodConfig.ts, which every schema module imports first). main.tsx imports this
 * module first too, so nothing else can build a schema before it.
 */
import '../../scenario/zodConfig.ts';
