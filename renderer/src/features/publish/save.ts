import type { ExportFile } from '../../../../shared/api';

/**
 * Hands an export's bytes to the shell: the desktop app shows a save dialog; browser mode
 * downloads the file. The bytes themselves always come from the backend's publish path.
 */
export async function saveExport(file: ExportFile): Promise<boolean> {
  if (window.intersession) {
    const r = await window.intersession.invoke('shell.saveFile', {
      filename: file.filename,
      mimeType: file.mimeType,
      base64: file.base64,
    });
    return r.ok && Boolean((r.value as { saved?: boolean }).saved);
  }
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
