/**
 * "Copy link": the workspace (manifests, options, selection, the prepared request and the trace
 * step shown) as an address with `#s=…`, on the clipboard, with its size. Links over 8 KB still
 * work here but some chat tools cut them, so the size is said.
 */
import { useEffect, useState } from 'react';
import { useWorkspaceStore } from '../store';
import { makeLink } from './links';

const LIMIT = 8 * 1024;

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

export function CopyLinkButton() {
  const store = useWorkspaceStore();
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (!message) return;
    const t = setTimeout(() => setMessage(null), 8000);
    return () => clearTimeout(t);
  }, [message]);
  const copy = async () => {
    const link = await makeLink(store, window.location.href);
    if ('error' in link) {
      setMessage(`No link: ${link.error}`);
      return;
    }
    try {
      await navigator.clipboard.writeText(link.url);
      setMessage(`Link copied (${size(link.bytes)})${link.bytes > LIMIT ? ': long, some chat apps cut links over 8 KB' : ''}`);
    } catch {
      setMessage(`Copy failed; the link is in the address bar (${size(link.bytes)})`);
      window.history.replaceState(null, '', link.url);
    }
  };
  return (
    <div className="copy-link">
      <button type="button" className="segmented__item segmented__item--solo" onClick={() => void copy()} title="Copy a link that opens this cluster, selection and request as they are now">
        Copy link
      </button>
      <output className="copy-link__status">{message}</output>
    </div>
  );
}
