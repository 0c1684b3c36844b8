/**
 * One host's terminal: xterm.js (with the fit add-on) as the screen and keyboard, the
 * console session (src/commands) behind it. Input goes through lineEditor.ts; a submitted
 * line runs to completion (a change re-simulates first) before the next one, so a pasted
 * script runs line by line in order. Copy: select with the mouse, Ctrl+Shift+C (or Ctrl+C
 * while something is selected); paste: Ctrl+Shift+V, Ctrl+V or the browser's menu.
 */
import { FitAddon } from '@xterm/addon-fit';
import { Terminal as XTerm, type ITheme } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { complete } from '../../commands/complete.ts';
import { runLine, type ApplyMode } from '../../commands/session.ts';
import { useApp, useAppStoreApi } from '../../store/StoreContext.tsx';
import { emptyLine, feed, redraw, type LineState } from './lineEditor.ts';
import { NoSimulation, storeBackend } from './storeBackend.ts';

const THEMES: Record<'light' | 'dark', ITheme> = {
  light: { background: '#ffffff', foreground: '#1b1f24', cursor: '#0b57c2', cursorAccent: '#ffffff', selectionBackground: '#b6d0f5', black: '#1b1f24', blue: '#0b57c2', green: '#1a7f37', red: '#b42318' },
  dark: { background: '#11161c', foreground: '#dde3ea', cursor: '#6ea8ff', cursorAccent: '#11161c', selectionBackground: '#2f4a70', black: '#dde3ea', blue: '#6ea8ff', green: '#56d364', red: '#ff7b72' },
};

/** History per host, kept while the page lives (closing a tab and opening it again keeps it). */
const histories = new Map<string, string[]>();

export function Terminal({ host, mode, active }: { host: string; mode: ApplyMode; active: boolean }) {
  const { t } = useTranslation();
  const api = useAppStoreApi();
  const theme = useApp((s) => s.theme);
  const box = useRef<HTMLDivElement>(null);
  const term = useRef<XTerm | null>(null);
  const modeRef = useRef(mode);
  modeRef.current = mode;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const x = new XTerm({
      convertEol: true,
      cursorBlink: true,
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace, "ARP Lab SC"',
      fontSize: 13,
      scrollback: 5000,
      theme: THEMES[api.getState().theme],
      screenReaderMode: false,
    });
    const fit = new FitAddon();
    x.loadAddon(fit);
    x.open(el);
    term.current = x;
    const textarea = el.querySelector('textarea');
    textarea?.setAttribute('aria-label', t('console.terminal', { host, interpolation: { escapeValue: false } }));
    const backend = storeBackend(api, host);
    const prompt = `${host}$ `;
    let line: LineState = emptyLine(histories.get(host) ?? []);
    let busy = false;
    const queue: string[] = [];
    let alive = true;
    // The running line's Ctrl+C, and whether a progress line is on screen (it is rewritten in place).
    let current: AbortController | null = null;
    let progressShown = false;
    const clearProgress = () => {
      if (progressShown) x.write('\r\x1b[2K');
      progressShown = false;
    };

    const run = async (text: string) => {
      const ctl = new AbortController();
      current = ctl;
      const progress = (p: string) => {
        if (!alive || ctl.signal.aborted) return;
        x.write(`\r\x1b[2K${p}`);
        progressShown = true;
      };
      try {
        const r = await runLine(backend, text, modeRef.current, { signal: ctl.signal, progress });
        if (!alive || ctl.signal.aborted) return;
        clearProgress();
        if (r.clear) x.clear();
        if (r.out.length) x.write(`${r.out.join('\n')}\n`);
      } catch (e) {
        if (!alive) return;
        clearProgress();
        x.write(`arplab: ${e instanceof NoSimulation ? t('console.noSim') : e instanceof Error ? e.message : String(e)}\n`);
      } finally {
        current = null;
      }
    };
    const drain = async () => {
      if (busy) return;
      busy = true;
      while (queue.length && alive) {
        const text = queue.shift()!;
        await run(text);
        if (alive && queue.length) x.write(prompt + queue[0] + '\n');
      }
      busy = false;
      if (alive) x.write(redraw(prompt, line));
    };
    const onData = (data: string) => {
      if (busy) {
        // Ctrl+C stops the running line (and drops the lines waiting behind it), as in a shell.
        if (data.includes('\x03') && current) {
          current.abort();
          queue.length = 0;
          clearProgress();
          x.write('^C\n');
          return;
        }
        // While a command runs, typed or pasted lines wait their turn.
        const { steps } = feed(emptyLine(), data);
        for (const s of steps) if (s.effect?.kind === 'submit') queue.push(s.effect.line);
        return;
      }
      const r = feed(line, data);
      let first = true;
      for (const s of r.steps) {
        const eff = s.effect;
        if (!eff) continue;
        if (eff.kind === 'submit') {
          if (first) x.write(`${redraw(prompt, { ...s.state, pos: s.state.buf.length })}\n`);
          first = false;
          queue.push(eff.line);
        } else if (eff.kind === 'interrupt') {
          x.write(`${redraw(prompt, { ...s.state, pos: s.state.buf.length })}^C\n`);
        } else if (eff.kind === 'clear') {
          x.clear();
        } else if (eff.kind === 'complete') {
          let st;
          try {
            st = backend.state();
          } catch {
            continue;
          }
          const before = s.state.buf.slice(0, s.state.pos);
          const c = complete(st, before);
          if (c.matches.length === 1) {
            const add = c.matches[0].slice(c.word.length) + (c.matches[0].endsWith('=') || c.matches[0].endsWith('/') ? '' : ' ');
            line = { ...s.state, buf: before + add + s.state.buf.slice(s.state.pos), pos: s.state.pos + add.length };
            x.write(redraw(prompt, line));
            return;
          }
          if (c.common.length > c.word.length) {
            const add = c.common.slice(c.word.length);
            line = { ...s.state, buf: before + add + s.state.buf.slice(s.state.pos), pos: s.state.pos + add.length };
            x.write(redraw(prompt, line));
            return;
          }
          if (c.matches.length > 1) x.write(`\n${c.matches.join('  ')}\n`);
        }
      }
      line = r.state;
      histories.set(host, line.history);
      if (queue.length) void drain();
      else x.write(redraw(prompt, line));
    };
    x.onData(onData);
    // Copy: Ctrl+Shift+C, or Ctrl+C with a selection; paste: Ctrl+Shift+V (xterm pastes Ctrl+V itself).
    x.attachCustomKeyEventHandler((e) => {
      if (e.type !== 'keydown') return true;
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && key === 'c' && (e.shiftKey || x.hasSelection())) {
        const text = x.getSelection();
        if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
        e.preventDefault();
        return false;
      }
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && key === 'v') {
        void navigator.clipboard?.readText().then((text) => onData(text)).catch(() => undefined);
        e.preventDefault();
        return false;
      }
      return true;
    });
    x.write(`${t('console.welcome', { host, interpolation: { escapeValue: false } })}\n`);
    x.write(redraw(prompt, line));
    const ro = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // not laid out yet
      }
    });
    ro.observe(el);
    fit.fit();
    x.focus();
    return () => {
      alive = false;
      ro.disconnect();
      x.dispose();
      term.current = null;
    };
    // The terminal lives as long as its tab; language and theme changes do not restart it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, host]);

  useEffect(() => {
    if (term.current) term.current.options.theme = THEMES[theme];
  }, [theme]);

  // Shown again (its tab chosen): take the keyboard.
  useEffect(() => {
    if (active) term.current?.focus();
  }, [active]);

  return <div className="console-term" ref={box} data-testid={`console-term-${host}`} />;
}
