/**
 * E-mail drafts (.eml, RFC 5322 + MIME): a multipart/mixed message with the invitation as
 * text/plain and the calendar as a text/calendar attachment. Recipients go ONLY in Bcc; To is the
 * empty group "undisclosed-recipients:;", so no recipient sees another. `X-Unsent: 1` makes mail
 * clients open the file as a draft, to be sent from the coordinator's own account.
 *
 * It only formats: recipients and text have already been chosen and redacted by the caller.
 */

export interface EmailDraft {
  subject: string;
  /** Plain-text body. */
  text: string;
  /** Addresses, Bcc only. */
  bcc: string[];
  /** A calendar (with its METHOD) or, with `contentType`, another text file (minutes). */
  attachment: {
    filename: string;
    content: string;
    method?: 'PUBLISH' | 'REQUEST';
    contentType?: 'text/markdown' | 'text/html';
  };
  /** Date header, UTC epoch ms. */
  date: number;
  /** Message-ID left part (stable per draft, e.g. the export's id). */
  messageId: string;
}

const CRLF = '\r\n';
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** RFC 5322 date-time in UTC ("Wed, 04 Mar 2026 14:00:00 +0000"). */
export function rfc5322Date(ms: number): string {
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`
  );
}

const base64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

/** Base64 in lines of 76 characters (RFC 2045). */
const base64Lines = (s: string) => base64(s).replace(/.{1,76}/g, '$&' + CRLF);

/**
 * A header's value, folded: plain when it is printable ASCII and fits on the line, otherwise RFC 2047
 * encoded-words ("=?UTF-8?B?...?=", each at most 75 characters and whole characters only), one per
 * line, every line at most 76 characters counting `Name: ` on the first. Hand-written: no RFC 2047
 * encoder (libmime, nodemailer) is installed, and this is all the drafts need.
 */
export function encodeHeader(value: string, nameLength = 'Subject'.length): string {
  const clean = value.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean) && nameLength + 2 + clean.length <= 76) return clean;
  const OVERHEAD = '=?UTF-8?B??='.length;
  // The longest base64 text (a multiple of 4) a line has room for.
  const room = (first: boolean) => {
    const free = 76 - (first ? nameLength + 2 : 1) - OVERHEAD;
    return Math.min(Math.floor(free / 4) * 4, 75 - OVERHEAD - ((75 - OVERHEAD) % 4));
  };
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    const bytes = Buffer.byteLength(chunk + ch, 'utf8');
    if (chunk && Math.ceil(bytes / 3) * 4 > room(words.length === 0)) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk || words.length === 0) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(w)}?=`).join(`${CRLF} `);
}

/** An address list header folded one address per line. */
function addressHeader(name: string, addresses: string[]): string {
  return `${name}: ${addresses.join(`,${CRLF} `)}`;
}

const isAddress = (a: string) => /^[^\s@<>",;:\\()[\]]+@[^\s@<>",;:\\()[\]]+$/.test(a);

/** The .eml text. Addresses that are not plain `local@domain` are refused (no header injection). */
export function buildEmailDraft(d: EmailDraft): string {
  for (const a of d.bcc) if (!isAddress(a)) throw new Error(`Not a plain e-mail address: ${a}`);
  const boundary = `=_intersession_${d.messageId.replace(/[^A-Za-z0-9]/g, '')}`;
  const filename = d.attachment.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  const headers = [
    'From: Intersession draft <draft@intersession.invalid>',
    'To: undisclosed-recipients:;',
    ...(d.bcc.length ? [addressHeader('Bcc', d.bcc)] : []),
    `Subject: ${encodeHeader(d.subject)}`,
    `Date: ${rfc5322Date(d.date)}`,
    `Message-ID: <${d.messageId.replace(/[^A-Za-z0-9.-]/g, '')}@intersession.invalid>`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const body = [
    'This is a multi-part message in MIME format.',
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(d.text.replace(/\r?\n/g, CRLF)),
    `--${boundary}`,
    d.attachment.contentType
      ? `Content-Type: ${d.attachment.contentType}; charset=utf-8; name="${filename}"`
      : `Content-Type: text/calendar; charset=utf-8; method=${d.attachment.method ?? 'PUBLISH'}; name="${filename}"`,
    `Content-Disposition: attachment; filename="${filename}"`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(d.attachment.content),
    `--${boundary}--`,
    '',
  ];
  return [...headers, '', ...body].join(CRLF);
}
