/**
 * A command line split the way bash splits a simple one: words on blanks, '…' and "…"
 * quoting, backslash escapes, `#` comments, `;` between commands, and one output
 * redirection (`> FILE`, `>> FILE`, for `echo N > /proc/sys/…`). What bash would do and the
 * lab does not — pipes, `&&`/`||`, `$VAR`, `$(…)`, globs, here-documents, `<` — is an error
 * that says so, never a silent different meaning.
 */

export interface SimpleCommand {
  argv: string[];
  /** `> FILE` (or `>> FILE`): where stdout goes. */
  redirect?: { path: string; append: boolean };
}

export type ShellParse = { ok: true; commands: SimpleCommand[] } | { ok: false; error: string; rc: number };

const NOT_SUPPORTED: Record<string, string> = {
  '|': 'pipes',
  '&': '& and &&',
  '<': 'input redirection',
  '$': 'variables and $(…)',
  '`': 'command substitution',
  '(': 'subshells',
  ')': 'subshells',
  '{': 'brace groups',
  '}': 'brace groups',
  '*': 'globs',
  '?': 'globs',
};

const unsupported = (what: string): ShellParse => ({ ok: false, error: `arplab: ${what} are not supported in this console`, rc: 2 });
const syntax = (tok: string): ShellParse => ({ ok: false, error: `bash: syntax error near unexpected token \`${tok}'`, rc: 2 });

export function parseShell(line: string): ShellParse {
  const commands: SimpleCommand[] = [];
  let argv: string[] = [];
  let redirect: SimpleCommand['redirect'];
  let pendingRedirect: boolean | null = null; // append?
  let word: string | null = null;
  const endWord = () => {
    if (word === null) return;
    if (pendingRedirect !== null) {
      redirect = { path: word, append: pendingRedirect };
      pendingRedirect = null;
    } else argv.push(word);
    word = null;
  };
  const endCommand = (tok: string): ShellParse | null => {
    endWord();
    if (pendingRedirect !== null) return syntax(tok === '' ? 'newline' : tok);
    if (argv.length === 0) {
      if (redirect) return syntax(tok === '' ? 'newline' : tok);
      if (tok === ';') return syntax(';');
      return null;
    }
    commands.push(redirect ? { argv, redirect } : { argv });
    argv = [];
    redirect = undefined;
    return null;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      endWord();
      continue;
    }
    if (c === '#' && word === null) break;
    if (c === ';') {
      const e = endCommand(';');
      if (e) return e;
      continue;
    }
    if (c === '>') {
      endWord();
      if (pendingRedirect !== null || redirect) return unsupported('several redirections');
      const append = line[i + 1] === '>';
      if (append) i++;
      pendingRedirect = append;
      continue;
    }
    if (c === "'") {
      const j = line.indexOf("'", i + 1);
      if (j < 0) return { ok: false, error: "bash: unexpected EOF while looking for matching `''", rc: 2 };
      word = (word ?? '') + line.slice(i + 1, j);
      i = j;
      continue;
    }
    if (c === '"') {
      let s = '';
      let j = i + 1;
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1])) s += line[++j];
        else if (line[j] === '$' || line[j] === '`') return unsupported(NOT_SUPPORTED[line[j]]);
        else s += line[j];
      }
      if (j >= line.length) return { ok: false, error: 'bash: unexpected EOF while looking for matching `"\'', rc: 2 };
      word = (word ?? '') + s;
      i = j;
      continue;
    }
    if (c === '\\') {
      if (i + 1 < line.length) word = (word ?? '') + line[++i];
      continue;
    }
    if (Object.hasOwn(NOT_SUPPORTED, c)) {
      // `=` words and brackets inside ordinary words (a.b[0]) are rare in what people type here.
      return unsupported(NOT_SUPPORTED[c]);
    }
    word = (word ?? '') + c;
  }
  const e = endCommand('');
  if (e) return e;
  return { ok: true, commands };
}

/** Quotes a word for display if bash would need it. */
export function shellQuote(w: string): string {
  return /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replaceAll("'", "'\\''")}'`;
}
