import { describe, expect, it } from 'vitest';
import { emptyLine, feed, redraw } from './lineEditor.ts';

const effects = (data: string, s = emptyLine()) => feed(s, data).steps.map((x) => x.effect).filter(Boolean);

describe('line editor', () => {
  it('types, moves, deletes and submits', () => {
    let s = feed(emptyLine(), 'ip ad').state;
    s = feed(s, '\x1b[D\x1b[Dx').state; // ← ← x
    expect(s).toMatchObject({ buf: 'ip xad', pos: 4 });
    s = feed(s, '\x7f\x1b[F').state; // Backspace, End
    expect(s).toMatchObject({ buf: 'ip ad', pos: 5 });
    const r = feed(s, 'dr\r');
    expect(r.steps.find((x) => x.effect)?.effect).toEqual({ kind: 'submit', line: 'ip addr' });
    expect(r.state).toMatchObject({ buf: '', history: ['ip addr'] });
  });
  it('history with ↑/↓ keeps the line being typed', () => {
    let s = feed(emptyLine(['arp -n', 'ip r']), 'ping').state;
    s = feed(s, '\x1b[A').state;
    expect(s.buf).toBe('ip r');
    s = feed(s, '\x1b[A\x1b[A').state;
    expect(s.buf).toBe('arp -n');
    s = feed(s, '\x1b[B\x1b[B').state;
    expect(s.buf).toBe('ping');
  });
  it('a paste with newlines submits each line in order; Ctrl+C, Ctrl+L and Tab are effects', () => {
    expect(effects('sysctl -a\r\nip r\nx')).toEqual([{ kind: 'submit', line: 'sysctl -a' }, { kind: 'submit', line: 'ip r' }]);
    expect(effects('abc\x03')).toEqual([{ kind: 'interrupt' }]);
    expect(feed(emptyLine(), 'abc\x03').state.buf).toBe('');
    expect(effects('\x0c\t')).toEqual([{ kind: 'clear' }, { kind: 'complete' }]);
  });
  it('redraws the line with the cursor in place', () => {
    expect(redraw('A$ ', { ...emptyLine(), buf: 'ip r', pos: 2 })).toBe('\rA$ ip r\x1b[K\x1b[2D');
  });
});
