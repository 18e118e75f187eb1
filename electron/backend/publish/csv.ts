/**
 * CSV writer for exports: RFC 4180 with formula-injection neutralisation (OWASP "CSV Injection").
 *
 * - Records end with CRLF (also the last one); the file starts with a UTF-8 BOM so spreadsheet
 *   programs detect the encoding.
 * - A field is quoted when it contains a comma, a double quote, CR or LF; quotes are doubled.
 *   A record made of one empty field is written as `""` so it does not read as an empty line.
 * - Formula injection: a TEXT cell whose first character is = + - @ TAB or CR (and, defensively,
 *   the full-width forms ＝ ＋ － ＠, or any of these after leading spaces) gets a leading single
 *   quote, so spreadsheets show it as text instead of evaluating it. Numbers and booleans are
 *   written as they are: their text ("-3", "1e-7", "true") cannot carry a formula, and a negative
 *   number must stay a number.
 *
 * Pure: no I/O; the caller writes the string (as UTF-8).
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_TRIGGERS = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\uff1d',
  '\uff0b',
  '\uff0d',
  '\uff20',
]);

/** Prefix `'` to a cell a spreadsheet could read as a formula (OWASP CSV-injection advice). */
export function neutralizeFormula(cell: string): string {
  if (cell.length === 0) return cell;
  if (FORMULA_TRIGGERS.has(cell[0])) return `'${cell}`;
  // " =1+1": some importers trim leading spaces before deciding whether a cell is a formula.
  const firstNonSpace = cell.search(/[^ \u00a0\u3000]/);
  if (firstNonSpace > 0 && FORMULA_TRIGGERS.has(cell[firstNonSpace])) return `'${cell}`;
  return cell;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return neutralizeFormula(cell);
}

function quoteIfNeeded(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Serialise rows to an RFC 4180 CSV string (BOM, CRLF, quoting, formula neutralisation). */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  let out = '\uFEFF';
  for (const row of rows) {
    if (row.length === 1 && cellText(row[0]) === '') {
      out += '""\r\n';
      continue;
    }
    out += row.map((cell) => quoteIfNeeded(cellText(cell))).join(',') + '\r\n';
  }
  return out;
}
