import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from './parse';
import { createRecentStore } from './recent';
import type { Hook, ParsedTables, TableName } from './types';
import { walk, type NetfilterPacket, type WalkContext } from './walk';

function tables(text: string): ParsedTables {
  const r = parseIptablesSave(text);
  expect(r.errors).toEqual([]);
  return r.tables;
}

const LOCAL = new Set(['192.168.0.2']);
const ctx = (extra: Partial<WalkContext> = {}): WalkContext => ({ localAddresses: LOCAL, random: () => 0.5, ...extra });
const pkt = (extra: Partial<NetfilterPacket> = {}): NetfilterPacket => ({ src: '10.0.0.2', dst: '10.96.0.10', dport: 80, proto: 'TCP', ...extra });
const run = (t: ParsedTables, p: NetfilterPacket, c = ctx(), table: TableName = 'filter', hook: Hook = 'INPUT') => walk(t, table, hook, p, c);

const dump = (how: '-j' | '-g') => `*filter
:INPUT ACCEPT [0:0]
:A - [0:0]
:B - [0:0]
-A INPUT -j A
-A INPUT -p tcp --dport 1 -j DROP
-A A ${how} B
-A A -j REJECT
-A B -j RETURN
COMMIT
`;

describe('walk: chain traversal', () => {
  it('-j calls: RETURN comes back to the caller', () => {
    const r = run(tables(dump('-j')), pkt({ dport: 1 }));
    expect(r.verdict).toBe('REJECT');
    expect(r.decidedBy?.rule).toBe('-A A -j REJECT');
    expect(r.matched.map((m) => m.rule)).toEqual(['-A INPUT -j A', '-A A -j B', '-A B -j RETURN', '-A A -j REJECT']);
  });

  it("-g replaces: RETURN comes back to the caller's caller", () => {
    const r = run(tables(dump('-g')), pkt({ dport: 1 }));
    expect(r.verdict).toBe('DROP');
    expect(r.decidedBy).toMatchObject({ chain: 'INPUT', line: 6 });
  });

  it('the end of a built-in chain, or RETURN from it, applies the policy', () => {
    const t = tables('*filter\n:INPUT DROP [0:0]\n:OUTPUT ACCEPT [0:0]\n-A OUTPUT -j RETURN\n-A OUTPUT -j DROP\nCOMMIT\n');
    const input = run(t, pkt());
    expect(input).toMatchObject({ verdict: 'DROP', matched: [] });
    expect(input.decidedBy).toBeUndefined();
    const output = run(t, pkt(), ctx(), 'filter', 'OUTPUT');
    expect(output.verdict).toBe('ACCEPT');
    expect(output.decidedBy).toBeUndefined();
  });

  it('a goto from a built-in chain ends in its policy', () => {
    const t = tables('*filter\n:FORWARD DROP [0:0]\n:A - [0:0]\n-A FORWARD -g A\n-A FORWARD -j ACCEPT\n-A A -j RETURN\nCOMMIT\n');
    expect(run(t, pkt(), ctx(), 'filter', 'FORWARD').verdict).toBe('DROP');
  });

  it('an absent table or hook accepts', () => {
    expect(run(tables('*filter\nCOMMIT\n'), pkt(), ctx(), 'nat', 'PREROUTING')).toMatchObject({ verdict: 'ACCEPT', steps: 0 });
  });

  it('rules without a target only count, and the walk goes on', () => {
    const t = tables('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -m comment --comment "seen"\n-A INPUT -j DROP\nCOMMIT\n');
    expect(run(t, pkt()).matched.map((m) => m.rule)).toEqual(['-A INPUT -m comment --comment "seen"', '-A INPUT -j DROP']);
  });

  it('bounds the number of rule evaluations', () => {
    const many = Array.from({ length: 50 }, (_, i) => `-A INPUT -p tcp --dport ${1000 + i} -j DROP`).join('\n');
    const r = run(tables(`*filter\n:INPUT ACCEPT [0:0]\n${many}\nCOMMIT\n`), pkt(), ctx({ maxSteps: 10 }));
    expect(r.verdict).toBe('DROP');
    expect(r.error).toBe('gave up after 10 rule evaluations');
  });

  it('reports bad packets instead of throwing', () => {
    const t = tables('*filter\nCOMMIT\n');
    expect(run(t, pkt({ src: 'not-an-ip' })).error).toBe('invalid source address "not-an-ip"');
    expect(run(t, pkt({ dport: 70000 })).error).toBe('invalid destination port 70000');
  });
});

describe('walk: targets', () => {
  it('MARK operations continue; the mark is visible to later rules and in the result', () => {
    const t = tables(`*nat
:POSTROUTING ACCEPT [0:0]
:KUBE-MARK-MASQ - [0:0]
:KUBE-POSTROUTING - [0:0]
-A POSTROUTING -j KUBE-MARK-MASQ
-A POSTROUTING -j KUBE-POSTROUTING
-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
-A KUBE-MARK-MASQ -j MARK --set-xmark 0x8000/0x8000
-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully
COMMIT
`);
    const r = walk(t, 'nat', 'POSTROUTING', pkt({ mark: 0x1 }), ctx({ masqueradeSource: '192.168.0.2' }));
    expect(r).toMatchObject({ verdict: 'ACCEPT', masquerade: true, mark: 0x8001 });
    expect(r.packet.src).toBe('192.168.0.2');
    const unmarked = walk(t, 'nat', 'POSTROUTING', pkt(), ctx());
    expect(unmarked.masquerade).toBe(true);
    const plain = tables('*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n');
    expect(walk(plain, 'nat', 'POSTROUTING', pkt(), ctx()).masquerade).toBeUndefined();
    expect(walk(plain, 'nat', 'POSTROUTING', pkt({ mark: 0x4000 }), ctx()).masquerade).toBe(true);
  });

  it('DNAT rewrites the destination and ends the walk', () => {
    const t = tables('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 10.96.0.10 -p tcp --dport 80 -j DNAT --to-destination 10.244.1.5:8080\n-A PREROUTING -j DNAT --to-destination 1.1.1.1\nCOMMIT\n');
    const r = walk(t, 'nat', 'PREROUTING', pkt(), ctx());
    expect(r).toMatchObject({ verdict: 'DNAT', dnat: '10.244.1.5:8080', packet: { dst: '10.244.1.5', dport: 8080, ctstate: 'NEW,DNAT' } });
    expect(r.matched).toHaveLength(1);
    const noPort = walk(t, 'nat', 'PREROUTING', pkt({ dst: '10.0.0.9' }), ctx());
    expect(noPort).toMatchObject({ verdict: 'DNAT', dnat: '1.1.1.1:80' });
  });

  it('NAT targets reached from the wrong hook are reported', () => {
    const t = tables('*nat\n:POSTROUTING ACCEPT [0:0]\n-A POSTROUTING -j DNAT --to-destination 1.1.1.1\nCOMMIT\n');
    expect(walk(t, 'nat', 'POSTROUTING', pkt(), ctx()).error).toBe('DNAT is only valid in PREROUTING and OUTPUT (reached from POSTROUTING)');
  });

  it('REJECT carries its --reject-with; LOG continues', () => {
    const t = tables('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -j LOG --log-prefix "x "\n-A INPUT -j REJECT --reject-with tcp-reset\nCOMMIT\n');
    expect(run(t, pkt())).toMatchObject({ verdict: 'REJECT', rejectWith: 'tcp-reset' });
  });
});

/** Does a one-rule INPUT chain with this match drop the packet? */
const one = (match: string, p: NetfilterPacket, c = ctx()) =>
  run(tables(`*filter\n:INPUT ACCEPT [0:0]\n-A INPUT ${match} -j DROP\nCOMMIT\n`), p, c).verdict === 'DROP';

describe('walk: matches', () => {
  it('addresses, protocols, ports, interfaces', () => {
    expect(one('-s 10.0.0.0/8', pkt())).toBe(true);
    expect(one('! -s 10.0.0.0/8', pkt())).toBe(false);
    expect(one('-d 10.96.0.10/32', pkt())).toBe(true);
    expect(one('-p udp', pkt())).toBe(false);
    expect(one('-m udp -p udp --dport 80', pkt({ proto: 'UDP' }))).toBe(true);
    expect(one('-m sctp -p sctp --dport 80', pkt({ proto: 'TCP' }))).toBe(false);
    expect(one('-p tcp --dport 79:81', pkt())).toBe(true);
    expect(one('-p tcp ! --dport 79:81', pkt())).toBe(false);
    expect(one('-p tcp --sport 1024:', pkt())).toBe(false);
    expect(one('-p tcp --sport 1024:', pkt({ sport: 40000 }))).toBe(true);
    expect(one('-p tcp -m multiport --dports 443,80', pkt())).toBe(true);
    expect(one('-p tcp -m multiport --ports 40000', pkt({ sport: 40000 }))).toBe(true);
    expect(one('-i eth+', pkt({ inIface: 'eth0' }))).toBe(true);
    expect(one('-i eth0', pkt())).toBe(false);
    expect(one('! -o cbr0', pkt())).toBe(true);
  });

  it('addrtype: the node addresses and all of 127.0.0.0/8 are LOCAL', () => {
    expect(one('-m addrtype --dst-type LOCAL', pkt({ dst: '192.168.0.2' }))).toBe(true);
    expect(one('-m addrtype --dst-type LOCAL', pkt({ dst: '127.0.0.53' }))).toBe(true);
    expect(one('-m addrtype --dst-type LOCAL', pkt())).toBe(false);
    expect(one('-m addrtype ! --src-type LOCAL --dst-type UNICAST', pkt())).toBe(true);
    expect(one('-m addrtype --dst-type MULTICAST', pkt({ dst: '224.0.0.1' }))).toBe(true);
  });

  it('conntrack states, marks, nfacct, physdev', () => {
    expect(one('-m conntrack --ctstate NEW', pkt())).toBe(true);
    expect(one('-m conntrack --ctstate RELATED,ESTABLISHED', pkt({ ctstate: 'ESTABLISHED' }))).toBe(true);
    expect(one('-m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT', pkt({ ctstate: 'NEW,DNAT' }))).toBe(false);
    expect(one('-m state --state INVALID', pkt())).toBe(false);
    expect(one('-m mark --mark 0x4000/0x4000', pkt({ mark: 0xc000 }))).toBe(true);
    expect(one('-m mark --mark 0x4000', pkt({ mark: 0xc000 }))).toBe(false);
    expect(one('-m nfacct --nfacct-name x', pkt())).toBe(true);
    expect(one('-m physdev ! --physdev-is-in', pkt())).toBe(true);
    expect(one('-m physdev --physdev-is-in --physdev-in veth+', pkt({ physdevIn: 'veth1' }))).toBe(true);
  });

  it('statistic draws from random (or chance), only when the matches before it held', () => {
    let draws = 0;
    const random = () => {
      draws++;
      return 0.25;
    };
    expect(one('-m statistic --mode random --probability 0.3333333333', pkt(), ctx({ random }))).toBe(true);
    expect(one('-m statistic --mode random --probability 0.2', pkt(), ctx({ random }))).toBe(false);
    expect(one('-m statistic --mode random ! --probability 0.2', pkt(), ctx({ random }))).toBe(true);
    expect(one('-s 1.1.1.1 -m statistic --mode random --probability 0.5', pkt(), ctx({ random }))).toBe(false);
    expect(draws).toBe(3);
    expect(one('-m statistic --mode random --probability 0.5', pkt(), ctx({ chance: () => true, random: () => 0.99 }))).toBe(true);
  });

  it('recent: --set records, --rcheck --seconds finds it until it is too old, --reap forgets', () => {
    const t = tables(`*nat
:PREROUTING ACCEPT [0:0]
-A PREROUTING -m recent --name KUBE-SEP-A --rcheck --seconds 10 --reap -j DNAT --to-destination 10.244.1.1:80
-A PREROUTING -s 10.0.0.0/8 -m recent --name KUBE-SEP-A --set -j DNAT --to-destination 10.244.1.2:80
-A PREROUTING -j DNAT --to-destination 10.244.1.3:80
COMMIT
`);
    const recent = createRecentStore();
    const at = (now: number, src = '10.0.0.2') => walk(t, 'nat', 'PREROUTING', pkt({ src }), ctx({ recent, now })).dnat;
    expect(at(100)).toBe('10.244.1.2:80');
    expect(recent.get('KUBE-SEP-A')?.get('10.0.0.2')).toBe(100);
    expect(at(105)).toBe('10.244.1.1:80');
    expect(at(110)).toBe('10.244.1.1:80');
    expect(at(105, '172.16.0.1')).toBe('10.244.1.3:80');
    expect(at(111)).toBe('10.244.1.2:80');
    recent.get('KUBE-SEP-A')!.set('10.9.9.9', 1);
    expect(at(112)).toBe('10.244.1.1:80');
    expect(recent.get('KUBE-SEP-A')!.has('10.9.9.9')).toBe(false);
  });

  it('recent --mask groups clients; --update refreshes; --remove forgets', () => {
    const t = tables(`*filter
:INPUT ACCEPT [0:0]
-A INPUT -p tcp --dport 1 -m recent --name R --set --mask 255.255.255.0
-A INPUT -p tcp --dport 2 -m recent --name R --update --seconds 5 --mask 255.255.255.0 -j DROP
-A INPUT -p tcp --dport 3 -m recent --name R --remove --mask 255.255.255.0 -j ACCEPT
COMMIT
`);
    const recent = createRecentStore();
    const go = (dport: number, now: number, src = '10.0.0.2') => run(t, pkt({ src, dport }), ctx({ recent, now })).verdict;
    expect(go(2, 0)).toBe('ACCEPT');
    go(1, 0, '10.0.0.77');
    expect([...recent.get('R')!.keys()]).toEqual(['10.0.0.0']);
    expect(go(2, 3)).toBe('DROP');
    expect(go(2, 8)).toBe('DROP');
    expect(go(2, 14)).toBe('ACCEPT');
    expect(go(2, 14, '10.0.1.2')).toBe('ACCEPT');
    expect(go(3, 20)).toBe('ACCEPT');
    expect(recent.get('R')!.size).toBe(0);
  });
});
