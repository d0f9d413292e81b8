/**
 * The search-list walk of glibc (resolv/res_query.c, __res_context_search) and musl
 * (src/network/lookup_name.c, name_from_dns_search), with a pod's ClusterFirst resolv.conf:
 * `search default.svc.cluster.local svc.cluster.local cluster.local`, `options ndots:5`.
 */
import { describe, expect, it } from 'vitest';
import { searchName, type Libc, type Outcome } from './search';

const SEARCH = ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'];

interface Row {
  libc: Libc;
  name: string;
  /** How the server answers each name; anything else is NXDOMAIN. */
  world: Record<string, Outcome>;
  tried: string[];
  outcome: Outcome;
  ndots?: number;
}

const rows: [string, Row][] = [
  ['a single label is found under the namespace first', {
    libc: 'glibc', name: 'my-nginx', world: { 'my-nginx.default.svc.cluster.local.': 'answer' },
    tried: ['my-nginx.default.svc.cluster.local.'], outcome: 'answer',
  }],
  ['<svc>.<ns> misses under the own namespace, then hits under svc.<zone>', {
    libc: 'glibc', name: 'my-nginx.default', world: { 'my-nginx.default.svc.cluster.local.': 'answer' },
    tried: ['my-nginx.default.default.svc.cluster.local.', 'my-nginx.default.svc.cluster.local.'], outcome: 'answer',
  }],
  ['a public name with fewer than 5 dots walks the whole search list first', {
    libc: 'glibc', name: 'kubernetes.io', world: { 'kubernetes.io.': 'answer' },
    tried: ['kubernetes.io.default.svc.cluster.local.', 'kubernetes.io.svc.cluster.local.', 'kubernetes.io.cluster.local.', 'kubernetes.io.'], outcome: 'answer',
  }],
  ['a trailing dot: asked as is, only', {
    libc: 'glibc', name: 'my-nginx.default.svc.cluster.local.', world: { 'my-nginx.default.svc.cluster.local.': 'answer' },
    tried: ['my-nginx.default.svc.cluster.local.'], outcome: 'answer',
  }],
  ['a trailing dot that misses is not searched', {
    libc: 'glibc', name: 'nope.', world: {}, tried: ['nope.'], outcome: 'nxdomain',
  }],
  ['ndots dots or more: as is first', {
    libc: 'glibc', name: 'a.b.c.d.e.f', world: { 'a.b.c.d.e.f.': 'answer' }, tried: ['a.b.c.d.e.f.'], outcome: 'answer',
  }],
  ['ndots dots or more, missing: as is, then the search list, and the as-is answer is the result', {
    libc: 'glibc', name: 'a.b.c.d.e.f', world: { 'a.b.c.d.e.f.default.svc.cluster.local.': 'nodata' },
    tried: ['a.b.c.d.e.f.', 'a.b.c.d.e.f.default.svc.cluster.local.', 'a.b.c.d.e.f.svc.cluster.local.', 'a.b.c.d.e.f.cluster.local.'], outcome: 'nxdomain',
  }],
  ['glibc goes on after NODATA, and NODATA is the result', {
    libc: 'glibc', name: 'web', world: { 'web.default.svc.cluster.local.': 'nodata' },
    tried: ['web.default.svc.cluster.local.', 'web.svc.cluster.local.', 'web.cluster.local.', 'web.'], outcome: 'nodata',
  }],
  ['glibc goes on after SERVFAIL', {
    libc: 'glibc', name: 'web', world: { 'web.default.svc.cluster.local.': 'servfail', 'web.svc.cluster.local.': 'answer' },
    tried: ['web.default.svc.cluster.local.', 'web.svc.cluster.local.'], outcome: 'answer',
  }],
  ['glibc gives up when the connection is refused', {
    libc: 'glibc', name: 'web', world: { 'web.default.svc.cluster.local.': 'refused' }, tried: ['web.default.svc.cluster.local.'], outcome: 'refused',
  }],
  ['glibc stops searching after a timeout but still tries the name as is', {
    libc: 'glibc', name: 'web', world: { 'web.default.svc.cluster.local.': 'timeout', 'web.': 'timeout' },
    tried: ['web.default.svc.cluster.local.', 'web.'], outcome: 'timeout',
  }],
  ['musl stops at NODATA', {
    libc: 'musl', name: 'web', world: { 'web.default.svc.cluster.local.': 'nodata' }, tried: ['web.default.svc.cluster.local.'], outcome: 'nodata',
  }],
  ['musl goes on after NXDOMAIN like glibc', {
    libc: 'musl', name: 'kubernetes.io', world: { 'kubernetes.io.': 'answer' },
    tried: ['kubernetes.io.default.svc.cluster.local.', 'kubernetes.io.svc.cluster.local.', 'kubernetes.io.cluster.local.', 'kubernetes.io.'], outcome: 'answer',
  }],
  ['musl: ndots dots or more is only asked as is', {
    libc: 'musl', name: 'a.b.c.d.e.f', world: {}, tried: ['a.b.c.d.e.f.'], outcome: 'nxdomain',
  }],
  ['musl: <svc>.<ns> as glibc', {
    libc: 'musl', name: 'my-nginx.default', world: { 'my-nginx.default.svc.cluster.local.': 'answer' },
    tried: ['my-nginx.default.default.svc.cluster.local.', 'my-nginx.default.svc.cluster.local.'], outcome: 'answer',
  }],
  ['ndots:1 (Default policy): a dotted name is asked as is first', {
    libc: 'glibc', name: 'example.com', ndots: 1, world: { 'example.com.': 'answer' }, tried: ['example.com.'], outcome: 'answer',
  }],
];

describe('searchName', () => {
  it.each(rows)('%s', (_, row) => {
    const asked: string[] = [];
    const r = searchName(row.name, SEARCH, row.ndots ?? 5, row.libc, (name) => {
      asked.push(name);
      return { outcome: row.world[name] ?? 'nxdomain', reply: name };
    });
    expect(r.steps.map((s) => s.name)).toEqual(row.tried);
    expect(asked).toEqual(row.tried);
    expect(r.outcome).toBe(row.outcome);
    expect(r.answered?.reply).toBe(row.outcome === 'answer' ? row.tried.at(-1) : undefined);
  });

  it('a name that cannot be sent (a 64-octet label) is not asked; glibc stops searching, then tries it as is', () => {
    const long = 'x'.repeat(64);
    const asked: string[] = [];
    const r = searchName(long, SEARCH, 5, 'glibc', (name) => {
      asked.push(name);
      return { outcome: 'nxdomain', reply: null };
    });
    expect(asked).toEqual([]);
    expect(r.steps.map((s) => s.outcome)).toEqual(['badname', 'badname']);
    expect(r.outcome).toBe('badname');
  });
});
