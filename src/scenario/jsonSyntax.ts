/**
 * Finds where JSON text is broken and says why, in words a person editing a file by hand
 * understands (trailing commas, single quotes, comments). JSON.parse decides validity; this
 * scanner only explains a failure, with the same position on every browser (Safari's
 * messages have none). Iterative, so deeply nested text cannot overflow the stack.
 */

export interface JsonSyntaxError {
  /** UTF-16 offset into the text. */
  offset: number;
  line: number;
  column: number;
  message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const showChar = (c: string) => (c === '"' ? "'\"'" : JSON.stringify(c));

type Want = 'value' | 'valueOrEnd' | 'key' | 'keyOrEnd' | 'colon' | 'after';

/** The first syntax error in `text`, or null if the scanner finds none. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  const fail = (offset: number, message: string): JsonSyntaxError => ({ offset, ...lineColumn(text, offset), message });
  const stack: string[] = [];
  let want: Want = 'value';
  let i = 0;
  const n = text.length;
  let lastComma = -1;
  for (;;) {
    while (i < n && WS.has(text[i])) i++;
    if (i >= n) {
      if (want === 'after' && stack.length === 0) return null;
      if (stack.length === 0) return fail(n, 'the text ends before any value (is it empty?)');
      return fail(n, `the text ends too early: a closing ${stack[stack.length - 1] === '{' ? '"}"' : '"]"'} is missing`);
    }
    const c = text[i];
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail(i, 'comments are not allowed in JSON');
    switch (want) {
      case 'value':
      case 'valueOrEnd': {
        if (want === 'valueOrEnd' && c === ']') {
          stack.pop();
          i++;
          want = 'after';
          break;
        }
        if (c === '{') { stack.push('{'); i++; want = 'keyOrEnd'; break; }
        if (c === '[') { stack.push('['); i++; want = 'valueOrEnd'; break; }
        if (c === '"') {
          const r = scanString(text, i);
          if (typeof r !== 'number') return fail(r.offset, r.message);
          i = r;
          want = 'after';
          break;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
          NUMBER_RE.lastIndex = i;
          const m = NUMBER_RE.exec(text);
          if (!m) return fail(i, 'this is not a valid number');
          const end = i + m[0].length;
          if ((m[0] === '0' || m[0] === '-0') && /\d/.test(text[end] ?? '')) return fail(i, 'numbers cannot start with 0 (write 10, not 010)');
          if (text[end] === '.' || /[eE]/.test(text[end] ?? '')) return fail(end, 'this is not a valid number');
          i = end;
          want = 'after';
          break;
        }
        const word = /^[A-Za-z_]+/.exec(text.slice(i, i + 20))?.[0];
        if (word === 'true' || word === 'false' || word === 'null') {
          i += word.length;
          want = 'after';
          break;
        }
        if ((c === ']' || c === '}') && lastComma >= 0) return fail(lastComma, 'a comma before a closing bracket is not allowed in JSON (remove it)');
        if (c === "'") return fail(i, "strings need double quotes (\"…\"), not single quotes");
        if (word) return fail(i, `unexpected word "${word}" (JSON knows only true, false and null; text needs double quotes)`);
        return fail(i, `unexpected ${showChar(c)}: a value was expected here`);
      }
      case 'key':
      case 'keyOrEnd': {
        if (want === 'keyOrEnd' && c === '}') {
          stack.pop();
          i++;
          want = 'after';
          break;
        }
        if (c === '"') {
          const r = scanString(text, i);
          if (typeof r !== 'number') return fail(r.offset, r.message);
          i = r;
          want = 'colon';
          break;
        }
        if (c === '}' && lastComma >= 0) return fail(lastComma, 'a comma before a closing brace is not allowed in JSON (remove it)');
        if (c === "'") return fail(i, "property names need double quotes (\"…\"), not single quotes");
        return fail(i, `unexpected ${showChar(c)}: a property name in double quotes was expected`);
      }
      case 'colon':
        if (c !== ':') return fail(i, `unexpected ${showChar(c)}: a ":" was expected after the property name`);
        i++;
        want = 'value';
        break;
      case 'after': {
        const top = stack[stack.length - 1];
        if (top === undefined) return fail(i, `unexpected ${showChar(c)} after the end of the JSON value`);
        if (c === ',') {
          lastComma = i;
          i++;
          want = top === '{' ? 'key' : 'value';
          continue;
        }
        if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
          i++;
          want = 'after';
          break;
        }
        const close = top === '{' ? '}' : ']';
        return fail(i, `unexpected ${showChar(c)}: a "," or "${close}" was expected (is a comma missing?)`);
      }
    }
    lastComma = -1;
  }
}

/** Scans a string starting at its opening quote; returns the offset after it, or an error. */
function scanString(text: string, start: number): number | { offset: number; message: string } {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '"') return i + 1;
    if (c === '\\') {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'a \\u escape needs four hex digits' };
        i += 6;
        continue;
      }
      if (e === undefined || !ESCAPES.has(e)) return { offset: i, message: `invalid escape "\\${e ?? ''}" in a string` };
      i += 2;
      continue;
    }
    if (c.charCodeAt(0) < 0x20) {
      return { offset: i, message: c === '\n' ? 'a string runs past the end of the line (a closing " is missing?)' : 'a control character in a string must be escaped' };
    }
    i++;
  }
  return { offset: start, message: 'this string is never closed (a closing " is missing)' };
}

export interface JsonDuplicateKey {
  /** The repeated key, decoded. */
  key: string;
  /** Path of the object that holds it (keys and list indexes). */
  path: (string | number)[];
  /** Where it appears again, and where it appeared first. */
  line: number;
  column: number;
  firstLine: number;
}

interface Frame {
  obj: boolean;
  /** The enclosing frame and where this value sits in it (the path is built only when reported). */
  parent: Frame | null;
  slot: string | number;
  /** Objects: keys seen, with their line; the key being read. */
  keys: Map<string, number>;
  key: string;
  expectKey: boolean;
  /** Lists: the index of the current element. */
  index: number;
}

const pathOf = (f: Frame): (string | number)[] => {
  const out: (string | number)[] = [];
  for (let p: Frame | null = f; p?.parent; p = p.parent) out.push(p.slot);
  return out.reverse();
};

/**
 * The first key repeated in one object of a valid JSON text, or null. JSON.parse keeps the
 * last value of a repeated key and drops the earlier ones without a word, so `"A": {…},
 * "A": {…}` in a hand-edited file would lose a host silently. Call it on text that
 * JSON.parse accepted. Iterative, linear in the text (also for deeply nested lists).
 */
export function findDuplicateKey(text: string): JsonDuplicateKey | null {
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      const top = stack[stack.length - 1];
      stack.push({ obj: c === 123, parent: top ?? null, slot: top ? (top.obj ? top.key : top.index) : '', keys: new Map(), key: '', expectKey: c === 123, index: 0 });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top?.obj) top.expectKey = true;
      else if (top) top.index++;
    } else if (c === 34 /* " */) {
      let j = i + 1;
      while (j < n && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 /* \ */ ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.obj && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        const first = top.keys.get(key);
        if (first !== undefined) return { key, path: pathOf(top), line, column: i - lineStart + 1, firstLine: first };
        top.keys.set(key, line);
        top.key = key;
        top.expectKey = false;
      }
      i = j;
    }
  }
  return null;
}
