// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, downloadManifests, MANIFESTS_FILE } from './download';

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function stubUrls() {
  const blobs: Blob[] = [];
  const create = vi.fn((b: Blob) => {
    blobs.push(b);
    return `blob:test/${blobs.length}`;
  });
  const revoke = vi.fn();
  Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
  return { blobs, create, revoke };
}

describe('downloadBlob', () => {
  it('clicks a temporary <a download> with the blob URL, removes it, and revokes the URL later', () => {
    vi.useFakeTimers();
    const { revoke } = stubUrls();
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    downloadBlob(new Blob(['x']), 'file.txt');
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'file.txt', inDocument: true }]);
    expect(document.querySelectorAll('a[download]')).toHaveLength(0);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10_000);
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});

describe('downloadManifests', () => {
  it('saves the text as kubepath-manifests.yaml, unchanged', async () => {
    const { blobs } = stubUrls();
    const names: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const text = '# file: a.yaml\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: café\n';
    downloadManifests(text);
    expect(names).toEqual([MANIFESTS_FILE]);
    expect(blobs[0]!.type).toBe('application/yaml');
    expect(await blobs[0]!.text()).toBe(text);
  });
});
