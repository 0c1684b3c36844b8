/**
 * Commands whose text still differs from the real tool's, each with the reason. The replay
 * test fails when a command not listed here differs, and when one listed here no longer
 * does (so the list cannot go stale).
 */
export const KNOWN_DIFFERENCES: { case: string; cmd: string; reason: string }[] = [];
