/**
 * Everything Chinese the UI shows — the messages (zh.ts, with the features' zh tables) and
 * the decision templates — in one chunk that loads only when 简体中文 is chosen, or before
 * the first screen when it is the saved or browser language (index.ts `loadZh`). An English
 * first screen does not download it (issue 15's first-load budget).
 */
export { zh } from './zh.ts';
export { decisionsZh } from './decisions/zh.ts';
