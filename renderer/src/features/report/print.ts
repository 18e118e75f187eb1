import type { PrintableExport } from '../../../../shared/api';
import type { Audience } from '../../../../shared/domain/vocabulary';
import type { Client } from '../../api/client';

export interface PrintRequest {
  forumId: string;
  kind: 'report' | 'report-round';
  audience: Audience;
  subjectId: string;
}

/** What happened when the user asked for a PDF. */
export type PrintOutcome =
  { done: true; how: 'saved' | 'print-dialog' } | { done: false; message: string | null };

/** The per-load CSP nonce the shell gave the page (inline styles of the printed page need it). */
function styleNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
}

/**
 * Opens the print-ready page in a new window of the app's origin and calls print() on it: the
 * browser's print dialog offers "Save as PDF". The page is the backend's redacted export.
 */
function printInBrowser(printable: PrintableExport): boolean {
  const nonce = styleNonce();
  const html = nonce
    ? printable.html.replace(/<style>/g, `<style nonce="${nonce}">`)
    : printable.html;
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const win = window.open(url, '_blank');
  if (!win) {
    URL.revokeObjectURL(url);
    return false;
  }
  win.addEventListener('load', () => {
    win.document.title = printable.title;
    win.focus();
    win.print();
  });
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return true;
}

/**
 * PDF of the report: the desktop app prints the print-ready page with Chromium (`shell.printToPdf`)
 * and saves it where the user chooses; browser mode opens the page and its print dialog.
 */
export async function printReportPdf(client: Client, req: PrintRequest): Promise<PrintOutcome> {
  const r = await client.call('exports.printable', req);
  if (!r.ok) return { done: false, message: r.error.message };
  if (window.intersession) {
    const saved = await window.intersession.invoke('shell.printToPdf', {
      html: r.value.html,
      filename: r.value.filename,
    });
    if (!saved.ok) return { done: false, message: saved.error.message };
    return (saved.value as { saved?: boolean }).saved
      ? { done: true, how: 'saved' }
      : { done: false, message: null };
  }
  return printInBrowser(r.value)
    ? { done: true, how: 'print-dialog' }
    : {
        done: false,
        message: 'The print-ready page could not be opened: allow pop-up windows for this app.',
      };
}
