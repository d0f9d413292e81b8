/**
 * Saving something the page made as a file: a Blob behind a temporary object URL and a
 * temporary <a download>, clicked and removed. The URL is revoked once the browser has
 * started the download.
 */

export const MANIFESTS_FILE = 'kubepath-manifests.yaml';

export function downloadBlob(blob: Blob, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  doc.body.append(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoking at once can cancel the download in some browsers; a moment later is safe.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

/** The editor's text as `kubepath-manifests.yaml`, byte for byte (UTF-8). */
export function downloadManifests(text: string, doc: Document = document): void {
  downloadBlob(new Blob([text], { type: 'application/yaml' }), MANIFESTS_FILE, doc);
}
