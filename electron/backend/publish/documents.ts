/**
 * Plain document renderers for tabular exports: Markdown and self-contained HTML. They only format;
 * what goes in has already been through the redaction policy.
 */
import { toCsv } from './csv';

export interface Table {
  title: string;
  /** Lines shown above the table (forum, audience, date). */
  meta: string[];
  columns: string[];
  rows: string[][];
  /** Shown instead of the table when there are no rows. */
  empty: string;
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Escapes Markdown's inline syntax and table pipes; newlines become <br>-free spaces. */
const escapeMd = (s: string) =>
  s
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1')
    .replace(/^(\s*)-/, '$1\\-');

export function tableToCsv(t: Table): string {
  return toCsv([t.columns, ...t.rows]);
}

export function tableToMarkdown(t: Table): string {
  const out = [`# ${escapeMd(t.title)}`, '', ...t.meta.map((m) => `- ${escapeMd(m)}`), ''];
  if (t.rows.length === 0) out.push(escapeMd(t.empty), '');
  else {
    out.push(`| ${t.columns.map(escapeMd).join(' | ')} |`);
    out.push(`| ${t.columns.map(() => '---').join(' | ')} |`);
    for (const r of t.rows) out.push(`| ${r.map(escapeMd).join(' | ')} |`);
    out.push('');
  }
  return out.join('\n');
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem;color:#1a1b1e}
h1{font-size:1.6rem}ul.meta{color:#555;padding-left:1.2rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f5}tr:nth-child(even) td{background:#fafafa}
@media print{body{margin:0}th{background:#eee!important;-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;

/** A self-contained HTML page (no external resources, no scripts). */
export function tableToHtml(t: Table): string {
  const body =
    t.rows.length === 0
      ? `<p>${escapeHtml(t.empty)}</p>`
      : `<table><thead><tr>${t.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${t.rows
          .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="Intersession">
<title>${escapeHtml(t.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(t.title)}</h1><ul class="meta">${t.meta.map((m) => `<li>${escapeHtml(m)}</li>`).join('')}</ul>
${body}
</body></html>
`;
}
