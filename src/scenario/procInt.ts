/**
 * What the kernel makes of the text written to an integer sysctl file (kernel/sysctl.c,
 * __do_proc_dointvec for one int, write side): leading white space is skipped
 * (proc_skip_spaces); proc_get_long takes an optional '-', then a digit, then strtoul with
 * base 0 (so `0x10` is 16 and `010` is 8, while `08` stops at the 8), looks at no more than
 * 21 characters (TMPBUFLEN - 1: a number that long is refused), and wants the number to end
 * the text or be followed by a space, tab or newline (`1.5`, `7x`, `1,2` are refused;
 * `5 6` stores 5 and the rest is consumed unread); do_proc_dointvec_conv refuses what does
 * not fit an int. Refused text is EINVAL, which procps's sysctl prints as `setting key
 * "…": Invalid argument` and bash's echo as `write error: Invalid argument`.
 */

const TMPBUFLEN = 22;
/** isspace() in the kernel's ctype: what proc_skip_spaces skips. */
const SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);
/** proc_wspace_sep: what may follow the number. */
const SEP = new Set([' ', '\t', '\n']);

const digitValue = (c: string): number => {
  const code = c.toLowerCase().charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return 99;
};

/** The int stored for `text` (the bytes written, newline included), or null for EINVAL. */
export function parseProcInt(text: string): number | null {
  let i = 0;
  while (i < text.length && SPACE.has(text[i])) i++;
  const left = text.length - i;
  if (left === 0) return null;
  const tmp = text.slice(i, i + Math.min(left, TMPBUFLEN - 1));
  let p = 0;
  const neg = tmp[0] === '-' && left > 1;
  if (neg) p++;
  if (!(tmp[p] >= '0' && tmp[p] <= '9')) return null;
  // _parse_integer_fixup_radix with base 0.
  let base = 10;
  if (tmp[p] === '0') {
    if (tmp[p + 1]?.toLowerCase() === 'x' && tmp[p + 2] !== undefined && digitValue(tmp[p + 2]) < 16) {
      base = 16;
      p += 2;
    } else base = 8;
  }
  let v = 0n;
  const start = p;
  while (p < tmp.length && digitValue(tmp[p]) < base) {
    v = v * BigInt(base) + BigInt(digitValue(tmp[p]));
    p++;
  }
  if (p === start) return null;
  if (v > 0xffffffffffffffffn) return null; // strtoul_lenient: -ERANGE
  if (p === TMPBUFLEN - 1) return null;
  if (p < left && !SEP.has(tmp[p])) return null;
  if (neg ? v > 2147483648n : v > 2147483647n) return null;
  return Number(neg ? -v : v);
}
