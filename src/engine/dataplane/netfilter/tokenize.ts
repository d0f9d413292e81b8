/**
 * Split one `iptables-save` rule line into words. A double-quoted string is one word (quotes
 * removed, `\"` and `\\` unescaped), as iptables-save prints `-m comment --comment "a b"`.
 * Compare kubernetes/kubernetes pkg/util/iptables/testing/parse.go (wordRegex).
 */

export interface Word {
  text: string;
  quoted: boolean;
}

export type TokenizeResult = { ok: true; words: Word[] } | { ok: false; message: string };

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;

export function tokenize(line: string): TokenizeResult {
  const words: Word[] = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      i++;
      continue;
    }
    if (c !== QUOTE) {
      let j = i + 1;
      while (j < n && line.charCodeAt(j) !== SPACE && line.charCodeAt(j) !== TAB) j++;
      words.push({ text: line.slice(i, j), quoted: false });
      i = j;
      continue;
    }
    // A quoted word: copy runs between escapes.
    let text = '';
    let start = i + 1;
    let j = start;
    let closed = false;
    while (j < n) {
      const d = line.charCodeAt(j);
      if (d === BACKSLASH && j + 1 < n && (line.charCodeAt(j + 1) === QUOTE || line.charCodeAt(j + 1) === BACKSLASH)) {
        text += line.slice(start, j) + line[j + 1];
        j += 2;
        start = j;
        continue;
      }
      if (d === QUOTE) {
        closed = true;
        break;
      }
      j++;
    }
    if (!closed) return { ok: false, message: 'unterminated quoted string' };
    text += line.slice(start, j);
    i = j + 1;
    if (i < n && line.charCodeAt(i) !== SPACE && line.charCodeAt(i) !== TAB) {
      return { ok: false, message: 'a quoted string must be followed by a space' };
    }
    words.push({ text, quoted: true });
  }
  return { ok: true, words };
}
