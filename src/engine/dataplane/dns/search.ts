/**
 * The stub resolver's search-list walk: which fully qualified names it asks, in which order,
 * and when it stops. Two C libraries, two rules.
 *
 * glibc (resolv/res_query.c, __res_context_search), what Debian/Ubuntu-based images use:
 * - a name with at least `ndots` dots, or a trailing dot, is asked as is first; with a trailing
 *   dot that is the only question;
 * - then each search domain in order; NXDOMAIN and NODATA go on to the next domain, so does a
 *   SERVFAIL reply; a refused connection gives up at once; anything else ends the walk;
 * - then the name as is, unless it was already asked (or the search list held the root);
 * - the first reply with answers wins. Otherwise the result is the as-is reply when it was
 *   asked first, else NODATA if any domain said NODATA, else SERVFAIL if any did, else the last.
 *
 * musl (src/network/lookup_name.c, name_from_dns_search), what Alpine-based images use:
 * - a name with at least `ndots` dots, or a trailing dot, is only asked as is;
 * - otherwise each search domain in order, going on only after NXDOMAIN (NODATA and errors
 *   stop the walk), then the name as is.
 *
 * A name that cannot be put in a query (an empty label, a label over 63 octets, over 255
 * octets in all) fails without being sent; glibc stops the search there, musl skips it.
 */
import { dotCount, encodable, fqdn } from './names';

export type Libc = 'glibc' | 'musl';

/** How one question went. `refused`/`timeout`: no nameserver answered. `badname`: not sendable. */
export type Outcome = 'answer' | 'nodata' | 'nxdomain' | 'servfail' | 'refused' | 'timeout' | 'badname';

export interface SearchStep<T> {
  name: string;
  outcome: Outcome;
  reply?: T;
}

export interface SearchResult<T> {
  steps: SearchStep<T>[];
  /** The overall result; "answer" when a step had answers (that step is `answered`). */
  outcome: Outcome;
  answered?: SearchStep<T>;
}

export type Ask<T> = (name: string) => { outcome: Outcome; reply: T };

function asker<T>(ask: Ask<T>, steps: SearchStep<T>[]) {
  return (name: string): SearchStep<T> => {
    const step: SearchStep<T> = encodable(name) ? { name, ...ask(name) } : { name, outcome: 'badname' };
    steps.push(step);
    return step;
  };
}

/** `name` under search domain `domain` ("" or "." is the root). */
function under(name: string, domain: string): string {
  const d = domain.replace(/^\./, '');
  return d === '' ? fqdn(name) : `${name}.${fqdn(d)}`;
}

function glibc<T>(name: string, searches: readonly string[], ndots: number, ask: Ask<T>): SearchResult<T> {
  const steps: SearchStep<T>[] = [];
  const query = asker(ask, steps);
  const dots = dotCount(name);
  const trailingDot = name.endsWith('.');
  const won = (s: SearchStep<T>): SearchResult<T> => ({ steps, outcome: s.outcome, answered: s.outcome === 'answer' ? s : undefined });

  let saved: Outcome | undefined;
  let triedAsIs = false;
  if (dots >= ndots || trailingDot) {
    const s = query(fqdn(name));
    if (s.outcome === 'answer' || trailingDot) return won(s);
    saved = s.outcome;
    triedAsIs = true;
  }

  let rootOnList = false;
  let gotNodata = false;
  let gotServfail = false;
  if (!trailingDot) {
    for (const domain of searches) {
      if (domain.replace(/^\./, '') === '') rootOnList = true;
      const s = query(under(name, domain));
      if (s.outcome === 'answer') return won(s);
      if (s.outcome === 'refused') return { steps, outcome: 'refused' };
      if (s.outcome === 'nodata') gotNodata = true;
      else if (s.outcome === 'servfail') gotServfail = true;
      else if (s.outcome !== 'nxdomain') break;
    }
  }

  if (!(triedAsIs || rootOnList)) {
    const s = query(fqdn(name));
    if (s.outcome === 'answer') return won(s);
  }

  const last = steps.at(-1)?.outcome ?? 'nxdomain';
  const outcome = saved ?? (gotNodata ? 'nodata' : gotServfail ? 'servfail' : last);
  return { steps, outcome };
}

function musl<T>(name: string, searches: readonly string[], ndots: number, ask: Ask<T>): SearchResult<T> {
  const steps: SearchStep<T>[] = [];
  const query = asker(ask, steps);
  const done = (s: SearchStep<T>): SearchResult<T> => ({ steps, outcome: s.outcome, answered: s.outcome === 'answer' ? s : undefined });
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  const search = dotCount(name) >= ndots || name.endsWith('.') ? [] : searches;
  for (const domain of search) {
    const candidate = under(bare, domain);
    if (!encodable(candidate)) continue;
    const s = query(candidate);
    if (s.outcome !== 'nxdomain') return done(s);
  }
  return done(query(fqdn(bare === '' ? '.' : bare)));
}

/** Walk the search list for `name`, asking each candidate with `ask`. */
export function searchName<T>(name: string, searches: readonly string[], ndots: number, libc: Libc, ask: Ask<T>): SearchResult<T> {
  return libc === 'musl' ? musl(name, searches, ndots, ask) : glibc(name, searches, ndots, ask);
}
