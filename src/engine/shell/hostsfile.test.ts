/** kubelet_pods.go managedHostsFileContent / hostAliasesHostsFileContent. */
import { expect, it } from 'vitest';
import { hostsFile } from './hostsfile';

const HEADER = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';

it('a plain pod', () => {
  expect(hostsFile({ podIPs: ['10.244.1.5'], hostname: 'web-0' })).toBe(`${HEADER}10.244.1.5\tweb-0\n`);
});

it('a pod with a subdomain and host aliases', () => {
  expect(hostsFile({ podIPs: ['10.244.1.5'], hostname: 'web-0', domain: 'nginx.default.svc.cluster.local', hostAliases: [{ ip: '1.2.3.4', hostnames: ['foo.local', 'bar.local'] }] })).toBe(
    `${HEADER}10.244.1.5\tweb-0.nginx.default.svc.cluster.local\tweb-0\n\n# Entries added by HostAliases.\n1.2.3.4\tfoo.local\tbar.local\n`,
  );
});
