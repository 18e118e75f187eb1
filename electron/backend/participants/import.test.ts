import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Forum, ImportJobStatus, ImportPreview, Participant } from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';
import type { BackendContext } from '../context';
import {
  describeIssue,
  mapRecord,
  mergeParticipantFields,
  parseBoolean,
  parseCountry,
  parseCsv,
  parseGender,
  parseLanguages,
  parseRole,
  parseStakeholderGroup,
  splitList,
  suggestMapping,
  type FullMapping,
  type MappedRow,
} from './import';
import {
  ImportCancelled,
  importParticipantsFromCsv,
  PreviewCancelled,
  previewImport,
  type ImportProgress,
} from './importJob';
import { IMPORT_PREVIEW_ROWS } from '../../../shared/schemas/participantImport';

/* ------------------------------------------------------------------------------------------------
 * Pure parts
 * ---------------------------------------------------------------------------------------------- */

describe('parseCsv', () => {
  it('reads UTF-8 with a BOM and a semicolon delimiter', () => {
    const csv = '\uFEFFName;E-mail;Country\nJosé Pérez;jose@example.org;Brazil\n';
    const parsed = parseCsv(csv);
    expect(parsed.delimiter).toBe(';');
    expect(parsed.headers).toEqual(['Name', 'E-mail', 'Country']);
    expect(parsed.records).toEqual([
      { line: 2, cells: ['José Pérez', 'jose@example.org', 'Brazil'] },
    ]);
  });

  it('detects comma and tab delimiters, and reads CRLF line ends', () => {
    expect(parseCsv('a,b\r\n1,2\r\n').records).toEqual([{ line: 2, cells: ['1', '2'] }]);
    const tabbed = parseCsv('a\tb\n1\t2\n');
    expect(tabbed.delimiter).toBe('\t');
    expect(tabbed.records[0].cells).toEqual(['1', '2']);
    expect(parseCsv('Name\nAda\n').headers).toEqual(['Name']);
  });

  it('counts physical lines, including line breaks inside quoted fields and blank lines', () => {
    const csv = [
      'Name,Notes,Email', // 1
      'Ada,"first line', // 2
      'second line', // 3
      'third line",ada@example.org', // 4
      '', // 5 (blank: skipped)
      'Grace,"say ""hi""",grace@example.org', // 6
      'Linus,"a\r\nb",linus@example.org', // 7-8
      'Margaret,,margaret@example.org', // 9
    ].join('\r\n');
    const parsed = parseCsv(csv);
    expect(parsed.records.map((r) => r.line)).toEqual([2, 6, 7, 9]);
    expect(parsed.records[0].cells[1]).toBe('first line\nsecond line\nthird line');
    expect(parsed.records[1].cells[1]).toBe('say "hi"');
  });

  it('reports an unclosed quote and a row with too many values on their lines', () => {
    const parsed = parseCsv('Name,Email\nAda,ada@example.org\nAcme, Inc,x@example.org\n"Bad,1\n');
    expect(parsed.records[1]).toMatchObject({
      line: 3,
      problem: expect.stringContaining('3 values'),
    });
    expect(parsed.records[2]).toMatchObject({
      line: 4,
      problem: expect.stringContaining('never closed'),
    });
  });

  it('refuses a file without a header line', () => {
    expect(() => parseCsv('\n\n  \n')).toThrow(/no header/);
  });
});

describe('suggestMapping', () => {
  it('matches header names case-, accent- and punctuation-insensitively, with synonyms', () => {
    const m = suggestMapping([
      'Timestamp',
      'Name',
      'E-MAIL',
      'Affiliation',
      'Sector',
      'Country of residence',
      'Préferred name',
      'Gender',
      'Time zone',
      'Languages spoken',
      'Twitter',
      'May be listed?',
      'Comments',
    ]);
    expect(m).toMatchObject({
      fullName: 1,
      email: 2,
      organisation: 3,
      stakeholderGroup: 4,
      country: 5,
      preferredName: 6,
      gender: 7,
      timeZone: 8,
      languages: 9, // contains the word "languages"
      handles: 10,
      consentListed: 11,
      notes: 12,
      role: null,
      aliases: null,
    });
  });

  it('knows "Organization", "Stakeholder", "Email address" and prefers exact names', () => {
    expect(
      suggestMapping(['Organization name', 'Stakeholder', 'Email address', 'Full name', 'Name']),
    ).toMatchObject({ organisation: 0, stakeholderGroup: 1, email: 2, fullName: 3 });
  });
});

describe('value parsing', () => {
  it('reads stakeholder groups from values, labels and variants', () => {
    const cases: [string, string | undefined][] = [
      ['Government', 'government'],
      ['private_sector', 'private_sector'],
      ['Private sector', 'private_sector'],
      ['Business', 'private_sector'],
      ['CIVIL SOCIETY', 'civil_society'],
      ['NGO', 'civil_society'],
      ['Technical community', 'technical_community'],
      ['Academia', 'academia'],
      ['Académic', 'academia'],
      ['Intergovernmental organisation', 'intergovernmental'],
      ['Intergovernmental Organization', 'intergovernmental'],
      ['IGO', 'intergovernmental'],
      ['Individual', 'individual_other'],
      ['Other', 'individual_other'],
      ['Individual / other', 'individual_other'],
      ['Astronaut', undefined],
    ];
    for (const [input, expected] of cases)
      expect(parseStakeholderGroup(input), input).toBe(expected);
  });

  it('reads countries from ISO codes and English names', () => {
    const cases: [string, string | undefined][] = [
      ['br', 'BR'],
      [' KE ', 'KE'],
      ['Brazil', 'BR'],
      ['türkiye', 'TR'],
      ['Turkey', 'TR'],
      ["Cote d'Ivoire", 'CI'],
      ['United States of America', 'US'],
      ['USA', 'US'],
      ['The Netherlands', 'NL'],
      ['Democratic Republic of the Congo', 'CD'],
      ['Viet Nam', 'VN'],
      ['Atlantis', undefined],
      ['XX', undefined],
    ];
    for (const [input, expected] of cases) expect(parseCountry(input), input).toBe(expected);
  });

  it('reads genders from labels; other text is self-described', () => {
    expect(parseGender('Woman')).toEqual({ gender: 'woman', selfDescribed: null });
    expect(parseGender('female')).toEqual({ gender: 'woman', selfDescribed: null });
    expect(parseGender('Non-binary')).toEqual({ gender: 'non_binary', selfDescribed: null });
    expect(parseGender('Prefer not to say')).toEqual({
      gender: 'prefer_not_to_say',
      selfDescribed: null,
    });
    expect(parseGender('Two-spirit')).toEqual({
      gender: 'self_described',
      selfDescribed: 'Two-spirit',
    });
  });

  it('reads booleans', () => {
    for (const yes of ['yes', 'Yes', 'TRUE', '1', 'y', 'x', 'X', '✓', 'Yes, I agree'])
      expect(parseBoolean(yes), yes).toBe(true);
    for (const no of ['no', 'No', 'false', '0', 'n', 'No thanks'])
      expect(parseBoolean(no), no).toBe(false);
    expect(parseBoolean('maybe')).toBeUndefined();
  });

  it('reads roles, lists and languages', () => {
    expect(parseRole('MAG liaison')).toBe('mag_liaison');
    expect(parseRole('rapporteur')).toBe('rapporteur');
    expect(parseRole('boss')).toBeUndefined();
    expect(splitList(' a; b ,c,, ')).toEqual(['a', 'b', 'c']);
    expect(parseLanguages('English; Portuguese, pt-BR, fr')).toEqual(['en', 'pt', 'pt-BR', 'fr']);
  });
});

const ALL: FullMapping = {
  fullName: 0,
  email: 1,
  organisation: 2,
  stakeholderGroup: 3,
  country: 4,
  preferredName: null,
  gender: 5,
  timeZone: 6,
  languages: 7,
  aliases: null,
  handles: 8,
  role: 9,
  consentListed: 10,
  consentInvitations: 11,
  notes: 12,
};

const map = (cells: string[], line = 4) => mapRecord({ line, cells }, ALL);
const errorsOf = (row: MappedRow) =>
  row.ok ? [] : row.errors.map((e) => describeIssue(row.line, e));

describe('mapRecord', () => {
  it('maps a full row; the time zone defaults to the country', () => {
    const row = map([
      ' Ana Silva ',
      'ana@example.org',
      'Example NGO',
      'Civil society',
      'Brazil',
      'Woman',
      '',
      'Portuguese; en',
      '@ana, @ana@example.social',
      'Rapporteur',
      'yes',
      'n',
      'Met at IGF',
    ]);
    expect(row.ok).toBe(true);
    if (!row.ok) return;
    expect(row.fields).toEqual({
      fullName: 'Ana Silva',
      preferredName: null,
      email: 'ana@example.org',
      organisation: 'Example NGO',
      stakeholderGroup: 'civil_society',
      country: 'BR',
      gender: 'woman',
      genderSelfDescribed: null,
      languages: ['pt', 'en'],
      timeZone: 'America/Sao_Paulo',
      aliases: [],
      handles: ['@ana', '@ana@example.social'],
      consentListed: true,
      consentInvitations: false,
      role: 'rapporteur',
      notes: 'Met at IGF',
    });
    expect([...row.given].sort()).not.toContain('timeZone');
  });

  it('uses the form defaults for empty cells', () => {
    const row = map(['Bo', '', '', 'academia', '', '', '', '', '', '', '', '', '']);
    expect(row.ok && row.fields).toMatchObject({
      email: null,
      country: null,
      timeZone: null,
      role: 'member',
      consentListed: false,
      languages: [],
    });
  });

  it('gives each invalid value its line, field and reason', () => {
    const cells = (patch: Record<number, string>) => {
      const base = [
        'Ana',
        'ana@example.org',
        '',
        'Government',
        'KE',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ];
      for (const [i, v] of Object.entries(patch)) base[Number(i)] = v;
      return base;
    };
    expect(errorsOf(map(cells({ 1: 'not-an-email' })))).toEqual([
      'Line 4: Email: must be an e-mail address',
    ]);
    expect(errorsOf(map(cells({ 0: '  ' })))).toEqual(['Line 4: Full name: is required']);
    expect(errorsOf(map(cells({ 3: '' })))).toEqual(['Line 4: Stakeholder group: is required']);
    expect(errorsOf(map(cells({ 3: 'Pirates' })))[0]).toMatch(
      /^Line 4: Stakeholder group: "Pirates" is not a stakeholder group/,
    );
    expect(errorsOf(map(cells({ 4: 'Atlantis' })))).toEqual([
      'Line 4: Country: "Atlantis" is not a country name or ISO code',
    ]);
    expect(errorsOf(map(cells({ 6: 'Mars/Olympus' })))).toEqual([
      'Line 4: Time zone: must be an IANA time zone',
    ]);
    expect(errorsOf(map(cells({ 7: 'en, Klingonese tongue' })))).toEqual([
      'Line 4: Languages: "Klingonese tongue" must be a language tag such as en or pt-BR',
    ]);
    expect(errorsOf(map(cells({ 9: 'Boss' })))[0]).toMatch(/^Line 4: Role: "Boss" is not a role/);
    expect(errorsOf(map(cells({ 10: 'perhaps' })))).toEqual([
      'Line 4: May be listed: "perhaps" is not yes or no',
    ]);
    expect(errorsOf(map(cells({ 0: 'x'.repeat(201) })))).toEqual([
      'Line 4: Full name: The full name must be at most 200 characters long.',
    ]);
    // Several problems in one row are all listed.
    expect(errorsOf(map(cells({ 1: 'bad', 4: 'Atlantis' })))).toHaveLength(2);
  });

  it('lays a fix over the cells and reports structural problems', () => {
    const broken = { line: 7, cells: ['Ana', 'bad'], problem: 'has a stray quotation mark' };
    expect(errorsOf(mapRecord(broken, ALL))).toContain('Line 7: has a stray quotation mark');
    const fixed = mapRecord(broken, ALL, { email: 'ana@example.org', stakeholderGroup: 'NGO' });
    expect(fixed.ok && fixed.fields.email).toBe('ana@example.org');
  });
});

describe('mergeParticipantFields', () => {
  const existing = {
    fullName: 'Ana Silva',
    preferredName: null,
    email: 'Ana@Example.org',
    organisation: 'Old Org',
    stakeholderGroup: 'civil_society' as const,
    country: 'BR',
    gender: null,
    genderSelfDescribed: null,
    languages: ['pt'],
    timeZone: 'America/Sao_Paulo',
    aliases: ['Aninha'],
    handles: [],
    consentListed: true,
    consentInvitations: true,
    role: 'rapporteur' as const,
    notes: 'Keynote 2024',
  };

  it('replaces given fields, keeps the rest, combines lists and appends notes', () => {
    const row = map([
      'Ana Silva',
      'ana@example.org',
      'New Org',
      'NGO',
      'Portugal',
      '',
      '',
      'en, PT',
      '@ana',
      '',
      'no',
      '',
      'Joined 2025',
    ]);
    if (!row.ok) throw new Error('row should be valid');
    const merged = mergeParticipantFields(existing, row.fields, row.given);
    expect(merged).toEqual({
      ...existing,
      email: 'Ana@Example.org', // same address: kept as stored
      organisation: 'New Org',
      country: 'PT',
      timeZone: 'Europe/Lisbon', // followed the country: the stored zone was the old suggestion
      languages: ['pt', 'en'],
      handles: ['@ana'],
      consentListed: false, // a given "no" withdraws consent
      notes: 'Keynote 2024\n\nJoined 2025',
    });
  });
});

/* ------------------------------------------------------------------------------------------------
 * With a real backend
 * ---------------------------------------------------------------------------------------------- */

let backend: Backend;
let forum: Forum;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

const count = () =>
  backend.db.prepare('SELECT count(*) FROM participants WHERE removed_at IS NULL').pluck().get();

const HEADER = 'Name,Email,Organisation,Stakeholder group,Country';
const people = (n: number, from = 0, domain = 'example.org') =>
  Array.from(
    { length: n },
    (_, i) => `Person ${from + i},person${from + i}@${domain},Org ${i % 7},Civil society,KE`,
  );
const csvOf = (rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

const MAPPING = { fullName: 0, email: 1, organisation: 2, stakeholderGroup: 3, country: 4 };

function ctxOf(b: Backend): BackendContext {
  return { db: b.db, now: Date.now, shell: 'test', dbFile: ':memory:' };
}

async function waitForJob(jobId: string): Promise<ImportJobStatus> {
  for (;;) {
    const status = await call<ImportJobStatus>('participants.importStatus', { jobId });
    if (status.state !== 'running') return status;
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forum = await call<Forum>('forums.create', { title: 'BPF Cybersecurity', year: 2026 });
});
afterEach(() => backend.close());

describe('participants.importPreview', () => {
  it('answers the first page of a large file at once, then streams the whole with progress', async () => {
    const rows = people(10_000);
    rows[4] = 'Bad row,not-an-email,Org,Civil society,KE'; // line 6, on the first page
    rows[9_000] = 'Late row,also-bad,Org,Civil society,KE'; // line 9002, past the first page
    const csv = csvOf(rows);
    const first = await call<ImportPreview>('participants.importPreview', {
      forumId: forum.id,
      csv,
      firstPage: true,
    });
    expect(first.totalRows).toBe(10_000);
    expect(first.checkedRows).toBe(IMPORT_PREVIEW_ROWS);
    expect(first.preview).toHaveLength(IMPORT_PREVIEW_ROWS);
    expect(first.errors).toEqual([
      { line: 6, field: 'email', message: 'must be an e-mail address' },
    ]);
    expect(first.counts).toEqual({ add: IMPORT_PREVIEW_ROWS - 1, merge: 0, skip: 0, invalid: 1 });

    const progress: { done: number; total: number; invalid: number }[] = [];
    const whole = await previewImport(
      ctxOf(backend),
      { forumId: forum.id, csv, duplicates: 'skip' },
      {
        onProgress: (done, total, counts) =>
          progress.push({ done, total, invalid: counts.invalid }),
      },
    );
    expect(whole.checkedRows).toBe(10_000);
    expect(whole.errors.map((e) => e.line)).toEqual([6, 9002]);
    expect(whole.counts).toEqual({ add: 9_998, merge: 0, skip: 0, invalid: 2 });
    // The same first page either way.
    expect(whole.preview).toEqual(first.preview);
    expect(progress.map((p) => p.done)).toEqual([2000, 4000, 6000, 8000, 10_000]);
    expect(progress.every((p) => p.total === 10_000)).toBe(true);
    expect(progress.at(-1)?.invalid).toBe(2);
    // The same answer as through dispatch (the whole file, no first page).
    expect(
      await call<ImportPreview>('participants.importPreview', { forumId: forum.id, csv }),
    ).toEqual(whole);
  });

  it('stops a whole-file preview when its caller goes away', async () => {
    const csv = csvOf(people(20_000));
    const abort = new AbortController();
    let chunks = 0;
    const run = previewImport(
      ctxOf(backend),
      { forumId: forum.id, csv, duplicates: 'skip' },
      {
        signal: abort.signal,
        onProgress: () => {
          if (++chunks === 2) abort.abort();
        },
      },
    );
    await expect(run).rejects.toThrow(PreviewCancelled);
    expect(chunks).toBe(2); // not every one of the ten chunks
    const viaDispatch = new AbortController();
    const pending = backend.dispatch(
      'participants.importPreview',
      { forumId: forum.id, csv },
      undefined,
      viaDispatch.signal,
    );
    viaDispatch.abort();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });

  it('suggests a mapping, previews rows and lists every invalid row with its line', async () => {
    const csv = [
      'Name;E-mail;Organization;Sector;Country of residence',
      'Ana;ana@example.org;Org A;NGO;Brazil',
      'Bo;bo@example.org;Org B;Academic;"Ke',
      'nya"', // a multi-line (and therefore bad) country on lines 3-4
      'Cy;not-an-email;Org C;Government;FR', // line 5
      'Di;ana@EXAMPLE.org;Org D;Business;DE', // duplicate of line 2
    ].join('\n');
    const preview = await call<ImportPreview>('participants.importPreview', {
      forumId: forum.id,
      csv,
      duplicates: 'merge',
    });
    expect(preview.headers).toHaveLength(5);
    expect(preview.mapping).toMatchObject({ fullName: 0, email: 1, organisation: 2, country: 4 });
    expect(preview.totalRows).toBe(4);
    expect(preview.validRows).toBe(2);
    expect(preview.errors).toEqual([
      { line: 3, field: 'country', message: '"Ke\nnya" is not a country name or ISO code' },
      { line: 5, field: 'email', message: 'must be an e-mail address' },
    ]);
    expect(preview.invalidRows.map((r) => r.line)).toEqual([3, 5]);
    expect(preview.duplicateRows).toEqual([
      { line: 6, email: 'ana@EXAMPLE.org', existing: false, firstLine: 2 },
    ]);
    expect(preview.counts).toEqual({ add: 1, merge: 1, skip: 0, invalid: 2 });
    expect(preview.preview.map((r) => [r.line, r.action])).toEqual([
      [2, 'add'],
      [3, 'invalid'],
      [5, 'invalid'],
      [6, 'merge'],
    ]);
    expect(preview.preview[0].participant).toMatchObject({
      stakeholderGroup: 'civil_society',
      country: 'BR',
    });

    const fixed = await call<ImportPreview>('participants.importPreview', {
      forumId: forum.id,
      csv,
      mapping: preview.mapping,
      fixes: [{ line: 5, values: { email: 'cy@example.org' } }],
      duplicates: 'skip',
    });
    expect(fixed.errors.map((e) => e.line)).toEqual([3]);
    expect(fixed.counts).toEqual({ add: 2, merge: 0, skip: 1, invalid: 1 });
  });

  it('reads the e2e sample: ten rows, one bad e-mail on line 5', async () => {
    const csv = readFileSync(
      new URL('../../../e2e/fixtures/registrations.csv', import.meta.url),
      'utf8',
    );
    const preview = await call<ImportPreview>('participants.importPreview', {
      forumId: forum.id,
      csv,
    });
    expect(preview.totalRows).toBe(10);
    expect(preview.errors).toEqual([
      { line: 5, field: 'email', message: 'must be an e-mail address' },
    ]);
    expect(preview.counts).toEqual({ add: 9, merge: 0, skip: 0, invalid: 1 });
    expect(Object.values(preview.mapping).filter((c) => c !== null)).toHaveLength(9);
    expect(preview.preview.map((r) => r.participant?.stakeholderGroup ?? null)).toEqual([
      'civil_society',
      'academia',
      'private_sector',
      null,
      'government',
      'civil_society',
      'academia',
      'private_sector',
      'intergovernmental',
      'individual_other',
    ]);
  });

  it('validates its input', async () => {
    const bad = async (input: unknown) => {
      const r = await backend.dispatch('participants.importPreview', input);
      return r.ok ? null : r.error;
    };
    const csv = csvOf(people(1));
    expect(await bad({ forumId: forum.id, csv, extra: 1 })).toMatchObject({ code: 'validation' });
    expect(await bad({ forumId: forum.id, csv: '  ' })).toMatchObject({ field: 'csv' });
    expect(await bad({ forumId: forum.id, csv, mapping: { shoeSize: 1 } })).toMatchObject({
      code: 'validation',
    });
    expect(await bad({ forumId: forum.id, csv, mapping: { email: 9 } })).toMatchObject({
      code: 'validation',
      field: 'mapping.email',
    });
    expect(await bad({ forumId: forum.id, csv, mapping: { email: -1 } })).toMatchObject({
      field: 'mapping.email',
    });
    expect(await bad({ forumId: '0190a4c2-0000-7000-8000-000000000000', csv })).toMatchObject({
      code: 'not_found',
    });
    expect(await bad({ forumId: forum.id, csv: 'x'.repeat(50 * 1024 * 1024 + 1) })).toMatchObject({
      field: 'csv',
    });
  });
});

describe('participants.importStart', () => {
  it('imports, skips invalid rows unless fixed, and reports progress to the end', async () => {
    const rows = people(1200);
    rows[3] = 'Bad Row,not-an-email,Org,Civil society,KE'; // line 5
    rows[10] = 'Also Bad,bad@,Org,Civil society,KE'; // line 12
    const csv = csvOf(rows);
    const { jobId } = await call<{ jobId: string }>('participants.importStart', {
      forumId: forum.id,
      csv,
      mapping: MAPPING,
      fixes: [{ line: 12, values: { email: 'fixed@example.org' } }],
      skipLines: [5],
      duplicates: 'skip',
    });
    const status = await waitForJob(jobId);
    expect(status).toMatchObject({
      state: 'done',
      processed: 1200,
      total: 1200,
      added: 1199,
      merged: 0,
      skipped: 1,
    });
    expect(count()).toBe(1199);
    const fixed = backend.db
      .prepare("SELECT full_name FROM participants WHERE email = 'fixed@example.org'")
      .pluck()
      .get();
    expect(fixed).toBe('Also Bad');
    const audit = backend.db
      .prepare("SELECT detail FROM audit_log WHERE action = 'participant.import'")
      .pluck()
      .all() as string[];
    expect(audit.map((d) => JSON.parse(d) as unknown)).toEqual([
      { total: 1200, added: 1199, merged: 0, skipped: 1, duplicates: 'skip' },
    ]);
  });

  it('calls onProgress up to the total, in order', async () => {
    const seen: ImportProgress[] = [];
    const summary = await importParticipantsFromCsv(
      ctxOf(backend),
      { forumId: forum.id, csv: csvOf(people(1750)), mapping: MAPPING, duplicates: 'skip' },
      (p) => seen.push({ ...p }),
    );
    expect(summary).toEqual({ total: 1750, added: 1750, merged: 0, skipped: 0 });
    const writing = seen.filter((p) => p.phase === 'writing').map((p) => p.processed);
    expect(writing).toEqual([0, 500, 1000, 1500]);
    // Saving is said before the one transaction starts (Cancel then stops being offered), and after.
    const saving = seen.filter((p) => p.phase === 'saving');
    expect(saving.map((p) => [p.processed, p.added])).toEqual([
      [1750, 0],
      [1750, 1750],
    ]);
    expect(seen.at(-1)).toMatchObject({ processed: 1750, total: 1750, added: 1750 });
  });

  it('is one transaction: a failure half-way leaves the table as it was', async () => {
    await call('participants.create', {
      forumId: forum.id,
      fullName: 'Already Here',
      stakeholderGroup: 'academia',
    });
    backend.db.exec(`CREATE TRIGGER boom BEFORE INSERT ON participants
      WHEN NEW.full_name = 'Person 1700' BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const { jobId } = await call<{ jobId: string }>('participants.importStart', {
      forumId: forum.id,
      csv: csvOf(people(2000)),
      mapping: MAPPING,
      duplicates: 'skip',
    });
    const status = await waitForJob(jobId);
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/boom/);
    expect(status.added).toBe(0);
    expect(count()).toBe(1);
    expect(backend.db.inTransaction).toBe(false);
  });

  it('cancel writes nothing, even after some chunks were staged', async () => {
    let visibleWhileStaging = -1;
    let transactionWhileStaging = true;
    let cancelled = false;
    const run = importParticipantsFromCsv(
      ctxOf(backend),
      { forumId: forum.id, csv: csvOf(people(3000)), mapping: MAPPING, duplicates: 'skip' },
      (p) => {
        if (p.phase === 'writing' && p.processed >= 1000 && !cancelled) {
          visibleWhileStaging = count() as number;
          transactionWhileStaging = backend.db.inTransaction;
          cancelled = true;
        }
      },
      { cancelled: () => cancelled },
    );
    await expect(run).rejects.toBeInstanceOf(ImportCancelled);
    // Staging happens in memory: no transaction is open and nothing is in the table yet.
    expect(visibleWhileStaging).toBe(0);
    expect(transactionWhileStaging).toBe(false);
    expect(count()).toBe(0);
    const audited = backend.db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'participant.import'")
      .pluck()
      .get();
    expect(audited).toBe(0);
    expect(backend.db.inTransaction).toBe(false);
  });

  it('never keeps a transaction open across an event-loop turn while importing', async () => {
    let sawOpenTransaction = false;
    let done = false;
    const probe = (async () => {
      while (!done) {
        if (backend.db.inTransaction) sawOpenTransaction = true;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const summary = await importParticipantsFromCsv(ctxOf(backend), {
      forumId: forum.id,
      csv: csvOf(people(3000)),
      mapping: MAPPING,
      duplicates: 'skip',
    });
    done = true;
    await probe;
    expect(summary.added).toBe(3000);
    expect(sawOpenTransaction).toBe(false);
  });

  it('cancels over the contract while rows are being written', async () => {
    const { jobId } = await call<{ jobId: string }>('participants.importStart', {
      forumId: forum.id,
      csv: csvOf(people(20_000)),
      mapping: MAPPING,
      duplicates: 'skip',
    });
    for (;;) {
      const s = await call<ImportJobStatus>('participants.importStatus', { jobId });
      if (s.phase === 'writing' && s.processed > 0) break;
      expect(s.state).toBe('running');
      await new Promise((r) => setImmediate(r));
    }
    const cancelled = await call<ImportJobStatus>('participants.importCancel', { jobId });
    expect(cancelled).toMatchObject({ state: 'cancelled', added: 0 });
    expect(cancelled.processed).toBeGreaterThan(0);
    expect(cancelled.processed).toBeLessThan(20_000);
    expect(count()).toBe(0);
    // The forum is usable again, and a new import can start.
    const again = await call<{ jobId: string }>('participants.importStart', {
      forumId: forum.id,
      csv: csvOf(people(3)),
      mapping: MAPPING,
      duplicates: 'skip',
    });
    expect((await waitForJob(again.jobId)).state).toBe('done');
    expect(count()).toBe(3);
  });

  it('accepts other writes while an import runs, and a cancel keeps them', async () => {
    const target = await call<Participant>('participants.create', {
      forumId: forum.id,
      fullName: 'Amira Haddad',
      stakeholderGroup: 'civil_society',
    });
    await call('participants.protect', { id: target.id, reason: 'Targeted on the list' });
    const { jobId } = await call<{ jobId: string }>('participants.importStart', {
      forumId: forum.id,
      csv: csvOf(people(20_000)),
      mapping: MAPPING,
      duplicates: 'skip',
    });
    for (;;) {
      const s = await call<ImportJobStatus>('participants.importStatus', { jobId });
      if (s.phase === 'writing' && s.processed > 0) break;
      expect(s.state).toBe('running');
      await new Promise((r) => setImmediate(r));
    }
    const write = await backend.dispatch('participants.create', {
      forumId: forum.id,
      fullName: 'Written during the import',
      stakeholderGroup: 'academia',
    });
    expect(write.ok).toBe(true);
    // Two coordinator reveals of the protected participant: each writes an audit record.
    for (let i = 0; i < 2; i++)
      expect((await call<Participant>('participants.get', { id: target.id })).fullName).toBe(
        'Amira Haddad',
      );
    const read = await backend.dispatch('participants.list', { forumId: forum.id });
    expect(read.ok).toBe(true);
    const cancelled = await call<ImportJobStatus>('participants.importCancel', { jobId });
    expect(cancelled.state).toBe('cancelled');
    // The import wrote nothing; the writes made meanwhile are kept.
    expect(count()).toBe(2);
    const reveals = backend.db
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'participant.reveal'")
      .pluck()
      .get();
    expect(`reveals after a cancelled import: ${String(reveals)} recorded`).toBe(
      'reveals after a cancelled import: 2 recorded',
    );
  });

  it('runs one import at a time', async () => {
    const input = {
      forumId: forum.id,
      csv: csvOf(people(5000)),
      mapping: MAPPING,
      duplicates: 'skip',
    };
    const first = await call<{ jobId: string }>('participants.importStart', input);
    const second = await backend.dispatch('participants.importStart', input);
    expect(second).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await waitForJob(first.jobId)).state).toBe('done');
    const unknown = await backend.dispatch('participants.importStatus', {
      jobId: '0190a4c2-0000-7000-8000-000000000000',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', field: 'jobId' } });
  });
});

describe('duplicates', () => {
  let existing: Participant;
  const csv = [
    'Name,Email,Organisation,Stakeholder group,Country,Aliases',
    'Ana Silva,ANA@example.org,New Org,,PT,Ana S.', // line 2: same e-mail as the stored Ana
    'New Person,new@example.org,Org N,Government,KE,', // line 3
    'New Person Again,New@Example.org,,Government,,NP', // line 4: same e-mail as line 3
  ].join('\n');
  const mapping = { ...MAPPING, aliases: 5 };

  beforeEach(async () => {
    existing = await call<Participant>('participants.create', {
      forumId: forum.id,
      fullName: 'Ana Silva',
      email: 'ana@example.org',
      organisation: 'Old Org',
      stakeholderGroup: 'civil_society',
      country: 'BR',
      timeZone: 'America/Sao_Paulo',
      aliases: ['Aninha'],
      consentListed: true,
    });
  });

  const run = (duplicates: 'merge' | 'skip') =>
    importParticipantsFromCsv(ctxOf(backend), { forumId: forum.id, csv, mapping, duplicates });

  it('skip: keeps existing participants and the first row of an e-mail', async () => {
    // Row 2 lacks a stakeholder group, so it is invalid on its own; fix it via the merge test.
    expect(await run('skip')).toEqual({ total: 3, added: 1, merged: 0, skipped: 2 });
    const ana = await call<Participant>('participants.get', { id: existing.id });
    expect(ana.organisation).toBe('Old Org');
    const rows = backend.db
      .prepare("SELECT full_name FROM participants WHERE email_key = 'new@example.org'")
      .pluck()
      .all();
    expect(rows).toEqual(['New Person']);
  });

  it('merge: updates the existing participant and folds in-file repeats together', async () => {
    const summary = await importParticipantsFromCsv(ctxOf(backend), {
      forumId: forum.id,
      csv,
      mapping,
      fixes: [{ line: 2, values: { stakeholderGroup: 'Civil society' } }],
      duplicates: 'merge',
    });
    expect(summary).toEqual({ total: 3, added: 1, merged: 2, skipped: 0 });
    const ana = await call<Participant>('participants.get', { id: existing.id });
    expect(ana).toMatchObject({
      email: 'ana@example.org',
      organisation: 'New Org',
      country: 'PT',
      timeZone: 'Europe/Lisbon',
      aliases: ['Aninha', 'Ana S.'],
      consentListed: true,
      createdAt: existing.createdAt,
    });
    const people = backend.db
      .prepare(
        "SELECT full_name AS fullName, organisation, aliases, country FROM participants WHERE email_key = 'new@example.org'",
      )
      .all();
    expect(people).toEqual([
      { fullName: 'New Person Again', organisation: 'Org N', aliases: '["NP"]', country: 'KE' },
    ]);
  });
});
