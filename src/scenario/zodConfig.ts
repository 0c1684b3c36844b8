/**
 * The page's Content-Security-Policy (index.html) forbids eval. zod 4 probes for it with
 * `new Function("")` the first time it builds an object parser; the probe's error is caught,
 * but the browser still reports a CSP violation for it. In jitless mode zod neither probes nor
 * compiles. It reads the setting when a schema is built, so every module that builds schemas
 * imports this one first (fields.ts, schema.ts, actions/registry.ts; the action descriptors
 * through fields.ts): ES modules run their imports before their own code, so the setting
 * comes first however the bundler splits the app into chunks.
 */
import { z } from 'zod';

z.config({ jitless: true });
