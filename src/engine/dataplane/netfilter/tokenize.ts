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

export function tokenize(line: string): TokenizeResult {
  const words: Word[] = [];
  let i = 0;
  const n = line.length;
  while (i < n) {
    const c = line[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '"') {
      let text = '';
      i++;
      let closed = false;
      while (i < n) {
        const d = line[i];
        if (d === '\\' && i + 1 < n && (line[i + 1] === '"' || line[i + 1] === '\\')) {
          text += line[i + 1];
          i += 2;
          continue;
        }
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        text += d;
        i++;
      }
      if (!closed) return { ok: false, message: 'unterminated quoted string' };
      if (i < n && line[i] !== ' ' && line[i] !== '\t') {
        return { ok: false, message: 'a quoted string must be followed by a space' };
      }
      words.push({ text, quoted: true });
      continue;
    }
    let j = i;
    while (j < n && line[j] !== ' ' && line[j] !== '\t') j++;
    words.push({ text: line.slice(i, j), quoted: false });
    i = j;
  }
  return { ok: true, words };
}
