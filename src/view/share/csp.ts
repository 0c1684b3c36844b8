/**
 * The page's Content-Security-Policy (index.html) forbids eval. zod 4 probes for it with
 * `new Function("")` the first time it builds an object parser; the probe's error is caught,
 * but the browser still reports a CSP violation for it. In jitless mode zod neither probes nor
 * compiles. It reads the setting when schemas are built, so main.tsx imports this module first.
 */
import { z } from 'zod';

z.config({ jitless: true });
