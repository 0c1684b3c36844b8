import { describe, expect, it } from 'vitest';
import { displayMessage, isolate, shortenRuns, showBidiControls } from './displayText.ts';

describe('display text', () => {
  it('shows a right-to-left override instead of obeying it', () => {
    expect(showBidiControls('\u202Egnp.exe')).toBe('‹U+202E›gnp.exe');
    expect(isolate('\u202Egnp.exe')).toBe('\u2068‹U+202E›gnp.exe\u2069');
    // Every explicit control, including isolates and marks, becomes visible.
    expect(showBidiControls('a\u200Fb\u2066c\u2069d\u061C')).toBe('a‹U+200F›b‹U+2066›c‹U+2069›d‹U+061C›');
    // A lone isolate or pop is shown; a balanced FSI…PDI pair (what isolate adds) is kept, so
    // isolating twice never shows the first isolation's marks.
    expect(showBidiControls('\u2069x\u2068')).toBe('‹U+2069›x‹U+2068›');
    const once = isolate('\u202Eab');
    expect(showBidiControls(`Host ${once}`)).toBe(`Host ${once}`);
    expect(isolate(`Host ${once}`)).toBe(`Host ${once}`);
  });
  it('isolates right-to-left names and leaves plain text as it is', () => {
    expect(isolate('שרת1')).toBe('\u2068שרת1\u2069');
    expect(isolate('eth0')).toBe('eth0');
    expect(isolate('主机 A')).toBe('主机 A');
  });
  it('shortens a 10,000-character run in the middle, keeping both ends', () => {
    const name = `start${'x'.repeat(10_000)}end`;
    const s = shortenRuns(`hosts["${name}"]: is not valid`);
    expect(s.length).toBeLessThan(100);
    expect(s).toMatch(/^hosts\["startx+…x+end"\]: is not valid$/);
    expect(shortenRuns('short words stay')).toBe('short words stay');
    // Code points, not UTF-16 units: an astral character is never cut in half.
    expect([...shortenRuns('😀'.repeat(200))].every((c) => c === '😀' || c === '…')).toBe(true);
  });
  it('gives the full text for the tooltip only when it shortened', () => {
    expect(displayMessage('ok')).toEqual({ text: 'ok', full: undefined });
    const m = displayMessage(`bad ${'y'.repeat(500)}`);
    expect(m.text.length).toBeLessThan(80);
    expect(m.full).toHaveLength(504);
  });
});
