import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ContributionCoverage,
  AuditEntry,
  Contribution,
  ContributionImportPreview,
  ContributionImportStatus,
  ContributionPage,
  ContributionSearch,
  ExportFile,
  Page,
  Participant,
  Theme,
} from '../../../shared/api';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';

let backend: Backend;
let forumId: string;

async function call<T>(method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value;
}

const decode = (f: ExportFile) => Buffer.from(f.base64, 'base64').toString('utf8');

const add = (fields: Record<string, unknown>) =>
  call<Contribution>('contributions.create', {
    forumId,
    kind: 'practice',
    source: 'email',
    receivedOn: '2026-03-01',
    ...fields,
  });

beforeEach(async () => {
  backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Test', year: 2026 })).id;
});
afterEach(() => backend.close());

describe('full-text search', () => {
  it('ranks title hits first, highlights snippets and folds accents', async () => {
    await add({
      title: 'Digital literacy',
      body: 'Trainers in a mesh of libraries teach seniors.',
    });
    await add({ title: 'Mesh networks in São Paulo', body: 'A cooperative runs the network.' });
    await add({ title: 'Helpline', body: 'Nothing about it.' });
    const page = await call<ContributionPage>('contributions.list', { forumId, search: 'mesh' });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.title)).toEqual([
      'Mesh networks in São Paulo',
      'Digital literacy',
    ]);
    expect(page.rows[0].titleHighlighted).toContainEqual({ text: 'Mesh', hit: true });
    expect(page.rows[1].snippet).toContainEqual({ text: 'mesh', hit: true });
    const sao = await call<ContributionPage>('contributions.list', {
      forumId,
      search: 'sao paulo',
    });
    expect(sao.rows.map((r) => r.title)).toEqual(['Mesh networks in São Paulo']);
    // Prefix of the last word; operators typed by the user are plain words.
    expect(
      (await call<ContributionPage>('contributions.list', { forumId, search: 'coop' })).total,
    ).toBe(1);
    expect(
      (await call<ContributionPage>('contributions.list', { forumId, search: 'mesh) AND ("' }))
        .total,
    ).toBe(0);
  });

  it('follows edits and combines search with filters', async () => {
    const c = await add({ title: 'Old title', body: 'Nothing here', country: 'BR' });
    await call('contributions.update', { id: c.id, body: 'Now about zero-rating' });
    expect(
      (await call<ContributionPage>('contributions.list', { forumId, search: 'zero' })).total,
    ).toBe(1);
    expect(
      (await call<ContributionPage>('contributions.list', { forumId, search: 'nothing' })).total,
    ).toBe(0);
    const filtered = await call<ContributionPage>('contributions.list', {
      forumId,
      search: 'zero',
      region: 'africa',
    });
    expect(filtered.total).toBe(0);
    const brazil = await call<ContributionPage>('contributions.list', {
      forumId,
      search: 'zero',
      region: 'latin_america_caribbean',
    });
    expect(brazil.total).toBe(1);
  });

  it('also finds call minutes', async () => {
    backend.db
      .prepare(
        `INSERT INTO calls (id, forum_id, start_at, duration_minutes, zone, title, minutes, created_at, updated_at)
         VALUES ('0190a000-0000-7000-8000-000000000001', ?, 1767225600000, 60, 'UTC', 'Call 3', 'We discussed zero-rating in Kenya', 0, 0)`,
      )
      .run(forumId);
    const s = await call<ContributionSearch>('contributions.search', { forumId, query: 'kenya' });
    expect(s.notes).toHaveLength(1);
    expect(s.notes[0].title).toBe('Call 3');
    expect(s.notes[0].snippet).toContainEqual({ text: 'Kenya', hit: true });
  });
});

describe('duplicates', () => {
  it('flags a contribution with a similar title when it is added', async () => {
    const first = await add({ title: 'Community networks in rural Kenya' });
    const second = await add({ title: 'Community networks in rural kenya.' });
    expect(second.possibleDuplicates.map((d) => d.id)).toEqual([first.id]);
    const other = await add({ title: 'Helpline for journalists' });
    expect(other.possibleDuplicates).toEqual([]);
  });
});

describe('review and consent', () => {
  it('records status changes and consent withdrawal in the history and the audit log', async () => {
    const c = await add({
      title: 'Practice',
      attribution: 'named',
      mayPublish: true,
      contributorName: 'Ana',
    });
    await call('contributions.setStatus', { id: c.id, status: 'accepted', reviewerNotes: 'Good' });
    await call('contributions.update', { id: c.id, attribution: 'organisation' });
    const w = await call<Contribution>('contributions.withdrawConsent', {
      id: c.id,
      scope: 'attribution',
    });
    expect(w.history.map((h) => h.action)).toEqual([
      'consent_withdrawn',
      'consent',
      'status',
      'created',
    ]);
    expect(w.history[0].actor).toBe('Coordinator');
    expect(w.publicCredit).toBe('Anonymous contributor');
    const audit = await call<Page<AuditEntry>>('audit.list', { forumId });
    const actions = audit.rows.map((a) => a.action);
    expect(actions).toContain('contribution.consent');
    expect(actions).toContain('contribution.consent_withdrawn');
  });

  it('leaves a contribution whose publication was withdrawn out of every export', async () => {
    const theme = await call<Theme>('themes.create', { forumId, name: 'Access' });
    const c = await add({
      title: 'Withdrawn one',
      themeIds: [theme.id],
      mayPublish: true,
      country: 'KE',
    });
    await call('contributions.setStatus', { id: c.id, status: 'accepted' });
    const render = (kind: string, audience = 'coordinators') =>
      call<ExportFile>('exports.render', { forumId, kind, format: 'csv', audience }).then(decode);
    expect(await render('contributions')).toContain('Withdrawn one');
    // Exported figures are perturbed (a count of 1 is published as 0 or 3); the coordinators'
    // own coverage view is exact.
    expect(await render('contribution-coverage')).toMatch(/Africa,(0|3)\r?\n/);
    const africa = async () =>
      (await call<ContributionCoverage>('contributions.coverage', { forumId })).byRegion.find(
        (b) => b.key === 'africa',
      )?.count;
    expect(await africa()).toBe(1);
    await call('contributions.withdrawConsent', { id: c.id, scope: 'publication' });
    expect(await africa()).toBe(0);
    expect(await render('contributions')).not.toContain('Withdrawn one');
    const coverage = await render('contribution-coverage');
    expect(coverage).toMatch(/Africa,0/);
    expect(coverage).toMatch(/Total accepted contributions,0/);
  });

  it('credits a protected contributor by pseudonym and redacts mentions in the text', async () => {
    const p = await call<Participant>('participants.create', {
      forumId,
      fullName: 'Amira Haddad',
      organisation: 'Digital Rights Collective',
      stakeholderGroup: 'civil_society',
    });
    await call('participants.protect', { id: p.id, reason: 'Targeted' });
    const c = await add({
      title: 'Safety practice',
      body: 'Amira Haddad set up a helpline.',
      contributorId: p.id,
      attribution: 'named',
      mayPublish: true,
    });
    await call('contributions.setStatus', { id: c.id, status: 'accepted' });
    for (const audience of ['public', 'coordinators']) {
      const csv = decode(
        await call<ExportFile>('exports.render', {
          forumId,
          kind: 'contributions',
          format: 'csv',
          audience,
        }),
      );
      expect(csv).toMatch(/Participant [A-Z2-9]+/);
      expect(csv).not.toContain('Digital Rights Collective');
      if (audience === 'public') expect(csv).not.toContain('Amira');
    }
  });
});

describe('survey import', () => {
  const csv = [
    'Timestamp,Title,Your practice,Email,Country,Themes,Credit as,May we publish?',
    '2026-02-01 10:00,Mesh network,A cooperative runs it,ana@example.org,Brazil,Access; Gender,By name,yes',
    '2026-02-02 11:00,,No title here,,Kenya,,,yes',
    '2026-02-03,Helpline,"Line one',
    'line two",,Atlantis,,sometimes,maybe',
  ].join('\n');

  it('reports errors with physical line numbers and matches contributors by e-mail', async () => {
    await call('participants.create', {
      forumId,
      fullName: 'Ana Lima',
      email: 'ANA@example.org',
      stakeholderGroup: 'civil_society',
    });
    const preview = await call<ContributionImportPreview>('contributions.importPreview', {
      forumId,
      csv,
    });
    expect(preview.totalRows).toBe(3);
    expect(preview.validRows).toBe(1);
    expect(preview.matchedContributors).toBe(1);
    expect(preview.newThemes).toEqual(['Access', 'Gender']);
    expect(preview.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 3, field: 'title', message: 'Title: is required' }),
        expect.objectContaining({ line: 4, field: 'country' }),
        expect.objectContaining({ line: 4, field: 'attribution' }),
        expect.objectContaining({ line: 4, field: 'mayPublish' }),
      ]),
    );

    const { jobId } = await call<{ jobId: string }>('contributions.importStart', {
      forumId,
      csv,
      mapping: preview.mapping,
    });
    let status: ContributionImportStatus;
    do {
      await new Promise((r) => setTimeout(r, 5));
      status = await call<ContributionImportStatus>('contributions.importStatus', { jobId });
    } while (status.state === 'running');
    expect(status).toMatchObject({ state: 'done', added: 1, skipped: 2 });
    const page = await call<ContributionPage>('contributions.list', { forumId });
    expect(page.rows[0]).toMatchObject({
      title: 'Mesh network',
      contributorLabel: 'Ana Lima',
      source: 'survey',
    });
    expect(page.rows[0].themeNames).toEqual(['Access', 'Gender']);
  });

  it('writes nothing when cancelled', async () => {
    const big = [
      'Title,Text',
      ...Array.from({ length: 3000 }, (_, i) => `Practice ${i},Text ${i}`),
    ].join('\n');
    const { jobId } = await call<{ jobId: string }>('contributions.importStart', {
      forumId,
      csv: big,
      mapping: { title: 0, body: 1 },
    });
    const status = await call<ContributionImportStatus>('contributions.importCancel', { jobId });
    expect(status.state).toBe('cancelled');
    expect((await call<ContributionPage>('contributions.list', { forumId })).total).toBe(0);
  });
});
