/**
 * The console's line editing, as pure data: xterm.js hands over raw input (keys as bytes and
 * escape sequences, pasted text), this returns the new line state and what to write back to
 * the terminal. Readline's basics: insert, ← → Home End (Ctrl+A/E), Backspace/Delete, Ctrl+U,
 * ↑/↓ history, Tab completion, Ctrl+C (cancel the line), Ctrl+L (clear), Enter; pasted text
 * with newlines becomes one submitted line per newline.
 */

export interface LineState {
  buf: string;
  pos: number;
  history: string[];
  /** Index in history while browsing it; history.length when on the line being typed. */
  hi: number;
  /** The line being typed, kept while browsing history. */
  draft: string;
}

export const emptyLine = (history: string[] = []): LineState => ({ buf: '', pos: 0, history, hi: history.length, draft: '' });

export type Effect =
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt' }
  | { kind: 'clear' }
  | { kind: 'complete' };

/** Redraws the input line: back to its start, prompt, text, erase the rest, cursor in place. */
export function redraw(prompt: string, s: LineState): string {
  const back = s.buf.length - s.pos;
  return `\r${prompt}${s.buf}\x1b[K${back > 0 ? `\x1b[${back}D` : ''}`;
}

const HISTORY_MAX = 500;

export function withHistory(s: LineState, line: string): string[] {
  if (line.trim() === '' || s.history[s.history.length - 1] === line) return s.history;
  return [...s.history, line].slice(-HISTORY_MAX);
}

/**
 * Applies `data` (one onData chunk). Returns the state after the last effect-free edits and
 * the effects in order, each with the state in force when it happened.
 */
export function feed(s0: LineState, data: string): { state: LineState; steps: { state: LineState; effect: Effect | null }[] } {
  let s = s0;
  const steps: { state: LineState; effect: Effect | null }[] = [];
  const edit = (next: Partial<LineState>) => {
    s = { ...s, ...next };
  };
  const KEYS: Record<string, () => Effect | null> = {
    '\x1b[A': () => {
      if (s.hi === 0) return null;
      const draft = s.hi === s.history.length ? s.buf : s.draft;
      const buf = s.history[s.hi - 1];
      edit({ hi: s.hi - 1, buf, pos: buf.length, draft });
      return null;
    },
    '\x1b[B': () => {
      if (s.hi >= s.history.length) return null;
      const hi = s.hi + 1;
      const buf = hi === s.history.length ? s.draft : s.history[hi];
      edit({ hi, buf, pos: buf.length });
      return null;
    },
    '\x1b[C': () => (edit({ pos: Math.min(s.buf.length, s.pos + 1) }), null),
    '\x1b[D': () => (edit({ pos: Math.max(0, s.pos - 1) }), null),
    '\x1b[H': () => (edit({ pos: 0 }), null),
    '\x1bOH': () => (edit({ pos: 0 }), null),
    '\x01': () => (edit({ pos: 0 }), null),
    '\x1b[F': () => (edit({ pos: s.buf.length }), null),
    '\x1bOF': () => (edit({ pos: s.buf.length }), null),
    '\x05': () => (edit({ pos: s.buf.length }), null),
    '\x1b[3~': () => (edit({ buf: s.buf.slice(0, s.pos) + s.buf.slice(s.pos + 1) }), null),
    '\x15': () => (edit({ buf: s.buf.slice(s.pos), pos: 0 }), null),
    '\x7f': () => (s.pos > 0 ? edit({ buf: s.buf.slice(0, s.pos - 1) + s.buf.slice(s.pos), pos: s.pos - 1 }) : undefined, null),
    '\b': () => (s.pos > 0 ? edit({ buf: s.buf.slice(0, s.pos - 1) + s.buf.slice(s.pos), pos: s.pos - 1 }) : undefined, null),
    '\x03': () => ({ kind: 'interrupt' }),
    '\x0c': () => ({ kind: 'clear' }),
    '\t': () => ({ kind: 'complete' }),
  };
  let i = 0;
  while (i < data.length) {
    const seq = Object.keys(KEYS).find((k) => data.startsWith(k, i));
    if (seq) {
      i += seq.length;
      const eff = KEYS[seq]();
      if (eff) {
        steps.push({ state: s, effect: eff });
        if (eff.kind === 'interrupt') s = emptyLine(s.history);
      }
      continue;
    }
    const c = data[i];
    if (c === '\r' || c === '\n') {
      // \r\n from a paste is one line end.
      if (c === '\r' && data[i + 1] === '\n') i++;
      i++;
      steps.push({ state: s, effect: { kind: 'submit', line: s.buf } });
      s = emptyLine(withHistory(s, s.buf));
      continue;
    }
    if (c === '\x1b') {
      // An escape sequence this editor does not handle: skip it whole.
      // eslint-disable-next-line no-control-regex -- escape sequences start with ESC
      const m = /^\x1b(\[[0-9;]*[~A-Za-z]|O[A-Za-z])?/.exec(data.slice(i));
      i += m ? m[0].length : 1;
      continue;
    }
    i++;
    if (c < ' ' && c !== '\t') continue;
    edit({ buf: s.buf.slice(0, s.pos) + c + s.buf.slice(s.pos), pos: s.pos + 1, hi: s.history.length });
  }
  steps.push({ state: s, effect: null });
  return { state: s, steps };
}
