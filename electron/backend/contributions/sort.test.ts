// The contributions list sorted by a column (issue 12): a backend order for every audience, and
// outside coordinators the order of what that audience is shown, never of the names it hides.
import { afterEach, describe, expect, it } from 'vitest';
import type {
  Contribution,
  ContributionPage,
  ContributionRow,
  Participant,
} from '../../../shared/api';
import {
  CONTRIBUTION_KIND_LABELS,
  CONTRIBUTION_STATUS_LABELS,
} from '../../../shared/domain/contributions';
import type { Session } from '../../../shared/methods';
import type { RpcResult } from '../../../shared/result';
import { CONTRIBUTION_SORTS, type ContributionSort } from '../../../shared/schemas/contributions';
import { createBackend, type Backend } from '../backend';

const COORDINATORS: Session = { audience: 'coordinators' };
const PUBLIC: Session = { audience: 'public' };
const PARTICIPANTS: Session = { audience: 'participants' };

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

/** A backend with one forum, and a caller through its dispatch (a refusal fails the test). */
async function forumBackend() {
  const backend = createBackend({ dbFile: ':memory:', shell: 'test' });
  backends.push(backend);
  const call = async <T>(method: string, input: unknown, session = COORDINATORS): Promise<T> => {
    const r = (await backend.dispatch(method, input, session)) as RpcResult<T>;
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value;
  };
  const forumId = (await call<{ id: string }>('forums.create', { title: 'BPF Sort', year: 2026 }))
    .id;
  const add = (fields: Record<string, unknown>) =>
    call<Contribution>('contributions.create', {
      forumId,
      kind: 'practice',
      source: 'email',
      receivedOn: '2026-03-01',
      attribution: 'named',
      mayPublish: true,
      ...fields,
    });
  return { backend, call, forumId, add };
}

/** Every row of the list in one order, read `limit` rows at a time; each page checks the total. */
async function readPages(
  call: Awaited<ReturnType<typeof forumBackend>>['call'],
  input: Record<string, unknown>,
  session: Session,
  limit: number,
): Promise<{ total: number; rows: ContributionRow[] }> {
  const first = await call<ContributionPage>('contributions.list', { ...input, limit }, session);
  const rows = [...first.rows];
  while (rows.length < first.total) {
    const page = await call<ContributionPage>(
      'contributions.list',
      { ...input, limit, offset: rows.length },
      session,
    );
    expect(page.total).toBe(first.total);
    expect(page.rows.length).toBeGreaterThan(0);
    rows.push(...page.rows);
  }
  return { total: first.total, rows };
}

/** The key of a row as shown: its text, the label of a kind or status, the date. */
const shownKey: Record<ContributionSort, (r: ContributionRow) => string> = {
  title: (r) => r.title,
  kind: (r) => CONTRIBUTION_KIND_LABELS[r.kind],
  status: (r) => CONTRIBUTION_STATUS_LABELS[r.status],
  contributor: (r) => r.contributorLabel,
  received: (r) => r.receivedOn,
};

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Text compares as the renderer's `compareNames` does: Intl.Collator, base, numeric. */
const collator = new Intl.Collator('und', { sensitivity: 'base', numeric: true });
const cmpShown = (sort: ContributionSort) =>
  sort === 'received' ? cmp : (a: string, b: string) => collator.compare(a, b);

/** The rows sorted by their shown key, then by id, in `direction`. */
const sortedAsShown = (rows: ContributionRow[], sort: ContributionSort, direction: string) =>
  [...rows].sort(
    (a, b) =>
      (direction === 'desc' ? -1 : 1) *
      (cmpShown(sort)(shownKey[sort](a), shownKey[sort](b)) || cmp(a.id, b.id)),
  );

describe('contributions.list sorted by a column', () => {
  it('orders every audience by what it is shown, in pages that are disjoint and cover the list', async () => {
    const { call, forumId, add } = await forumBackend();
    const ana = await call<Participant>('participants.create', {
      forumId,
      fullName: 'Ana Lima',
      stakeholderGroup: 'civil_society',
    });
    // Accents and case fold ("Émile" beside "emma"), equal keys (two "Helpline", two dates) fall
    // back to the id, and every kind, status and way of crediting appears.
    await add({ title: 'Helpline', kind: 'story', contributorName: 'Émile Zola' });
    await add({ title: 'helpline', kind: 'resource', contributorId: ana.id });
    await add({ title: 'Zero-rating', kind: 'case_study', contributorName: 'emma Stone' });
    await add({
      title: 'Ágora digital',
      kind: 'survey_answer',
      contributorOrganisation: 'Rede Mesh',
      attribution: 'organisation',
      receivedOn: '2026-01-15',
    });
    await add({ title: 'Mesh networks', receivedOn: '2026-02-01', attribution: 'anonymous' });
    await add({ title: 'Not for publication', mayPublish: false, contributorName: 'Bea' });
    await add({ title: 'Community radio', contributorName: 'Yusuf', receivedOn: '2026-02-01' });
    // Names and titles sort as Intl.Collator does: Ø with O, Ł with L, Cyrillic after Latin and
    // Ё with Е, Han after every alphabet, "Call 2" before "Call 10".
    await add({ title: 'Øresund mesh', contributorName: 'Łukasz Nowak' });
    await add({ title: 'Ёлка network', contributorName: 'Елена Петрова' });
    await add({ title: 'Call 10 notes', contributorName: '李娜' });
    await add({ title: 'Call 2 notes', contributorName: 'Zoë Ortiz' });
    const statuses = ['in_review', 'accepted', 'declined', 'needs_information'];
    const page = await call<ContributionPage>('contributions.list', { forumId });
    for (const [i, r] of page.rows.slice(0, statuses.length).entries())
      await call('contributions.setStatus', { id: r.id, status: statuses[i] });

    for (const session of [COORDINATORS, PUBLIC, PARTICIPANTS]) {
      const unsorted = await call<ContributionPage>('contributions.list', { forumId }, session);
      for (const sort of CONTRIBUTION_SORTS)
        for (const direction of ['asc', 'desc']) {
          const what = `${session.audience} by ${sort} ${direction}`;
          const all = await call<ContributionPage>(
            'contributions.list',
            { forumId, sort, direction },
            session,
          );
          expect(all.total, what).toBe(unsorted.total);
          expect(
            all.rows.map((r) => r.id),
            what,
          ).toEqual(sortedAsShown(unsorted.rows, sort, direction).map((r) => r.id));
          // Two rows a page: the same rows in the same order, each once.
          const paged = await readPages(call, { forumId, sort, direction }, session, 2);
          expect(
            paged.rows.map((r) => r.id),
            what,
          ).toEqual(all.rows.map((r) => r.id));
        }
    }
  });

  it('sorts together with filters and a search, keeping their totals', async () => {
    const { call, forumId, add } = await forumBackend();
    await add({ title: 'Mesh in Kenya', country: 'KE', contributorName: 'Wanjiru' });
    await add({ title: 'A mesh for Nairobi', country: 'KE', contributorName: 'Otieno' });
    await add({ title: 'Mesh in Brazil', country: 'BR', contributorName: 'Ana' });
    await add({ title: 'Helpline in Kenya', country: 'KE', contributorName: 'Kamau' });
    for (const session of [COORDINATORS, PUBLIC]) {
      const input = { forumId, search: 'mesh', region: 'africa' };
      const relevance = await call<ContributionPage>('contributions.list', input, session);
      expect(relevance.total).toBe(2);
      const byTitle = await readPages(call, { ...input, sort: 'title' }, session, 1);
      expect(byTitle.total).toBe(2);
      expect(byTitle.rows.map((r) => r.title)).toEqual(['A mesh for Nairobi', 'Mesh in Kenya']);
      const byContributor = await readPages(
        call,
        { ...input, sort: 'contributor', direction: 'desc' },
        session,
        1,
      );
      expect(byContributor.rows.map((r) => r.contributorLabel)).toEqual(['Wanjiru', 'Otieno']);
      // The search still highlights what it found.
      expect(byContributor.rows[0].titleHighlighted).toContainEqual({ text: 'Mesh', hit: true });
      const filtered = await readPages(
        call,
        { forumId, region: 'africa', sort: 'title' },
        session,
        2,
      );
      expect(filtered.rows.map((r) => r.title)).toEqual([
        'A mesh for Nairobi',
        'Helpline in Kenya',
        'Mesh in Kenya',
      ]);
    }
  });

  it('refuses an unknown column or direction with a sentence naming the field', async () => {
    const { backend, forumId } = await forumBackend();
    const sort = await backend.dispatch('contributions.list', { forumId, sort: 'email' });
    expect(sort).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'sort: Sort must be one of title, kind, status, contributor, received.',
        field: 'sort',
      },
    });
    const direction = await backend.dispatch('contributions.list', {
      forumId,
      sort: 'title',
      direction: 'up',
    });
    expect(direction).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: 'direction: Direction must be asc or desc.',
        field: 'direction',
      },
    });
  });
});

describe('sorting a public list reveals nothing a protected person’s name would', () => {
  /**
   * A forum whose only difference from its twin is the protected contributor's real name. Their
   * pseudonym is set to the same value in both (it is keyed per forum and person, and the twins'
   * forums and people have different ids); the row's `updated_at` moves so the redactor is
   * rebuilt with it.
   */
  async function forumWithProtected(realName: string) {
    const f = await forumBackend();
    const p = await f.call<Participant>('participants.create', {
      forumId: f.forumId,
      fullName: realName,
      organisation: 'Digital Rights Collective',
      stakeholderGroup: 'civil_society',
    });
    await f.call('participants.protect', { id: p.id, reason: 'Targeted' });
    f.backend.db
      .prepare(
        "UPDATE participants SET pseudonym = 'Participant MQ7', updated_at = updated_at + 1 WHERE id = ?",
      )
      .run(p.id);
    await f.add({ title: 'Safety helpline', contributorId: p.id });
    await f.add({ title: 'Digital literacy', contributorName: 'Bea Costa' });
    await f.add({ title: 'Mesh networks', contributorName: 'Nadia Rahman' });
    await f.add({ title: 'Youth forum', contributorName: 'Yusuf Ali' });
    // Their name in a title and as an outside contributor's name: both shown redacted.
    await f.add({ title: `${realName} on moderation`, contributorName: 'Olga Berg' });
    await f.add({ title: 'Zine of the network', contributorName: realName });
    return f;
  }

  const order = async (
    f: Awaited<ReturnType<typeof forumWithProtected>>,
    session: Session,
    sort: ContributionSort,
    direction: 'asc' | 'desc',
    search?: string,
  ) => {
    // Two rows a page: the order across pages is what a reader could compare.
    const input = { forumId: f.forumId, sort, direction, ...(search ? { search } : {}) };
    const { rows } = await readPages(f.call, input, session, 2);
    return rows.map((r) => `${r.title} | ${r.contributorLabel}`);
  };

  it('gives the public and participants the same order whatever the real name is', async () => {
    const aaron = await forumWithProtected('Aaron Abbott');
    const zed = await forumWithProtected('Zed Zimmer');
    for (const session of [PUBLIC, PARTICIPANTS])
      for (const sort of ['contributor', 'title'] as const)
        for (const direction of ['asc', 'desc'] as const)
          for (const search of [undefined, 'network']) {
            const a = await order(aaron, session, sort, direction, search);
            expect(a.join('\n')).not.toMatch(/Aaron|Zed/);
            expect(a.length).toBe(search ? 2 : 6);
            expect(a, `${session.audience} by ${sort} ${direction} ${search ?? ''}`).toEqual(
              await order(zed, session, sort, direction, search),
            );
          }
    // The pseudonym sorts among the names shown: after Nadia, before Olga.
    expect(await order(aaron, PUBLIC, 'contributor', 'asc')).toEqual([
      'Digital literacy | Bea Costa',
      'Mesh networks | Nadia Rahman',
      'Participant MQ7 on moderation | Olga Berg',
      'Safety helpline | Participant MQ7',
      'Zine of the network | Participant MQ7',
      'Youth forum | Yusuf Ali',
    ]);
  });

  it('gives coordinators the order of the real names', async () => {
    const aaron = await forumWithProtected('Aaron Abbott');
    const zed = await forumWithProtected('Zed Zimmer');
    expect(await order(aaron, COORDINATORS, 'contributor', 'asc')).toEqual([
      'Safety helpline | Aaron Abbott',
      'Zine of the network | Aaron Abbott',
      'Digital literacy | Bea Costa',
      'Mesh networks | Nadia Rahman',
      'Aaron Abbott on moderation | Olga Berg',
      'Youth forum | Yusuf Ali',
    ]);
    expect(await order(zed, COORDINATORS, 'contributor', 'asc')).toEqual([
      'Digital literacy | Bea Costa',
      'Mesh networks | Nadia Rahman',
      'Zed Zimmer on moderation | Olga Berg',
      'Youth forum | Yusuf Ali',
      'Safety helpline | Zed Zimmer',
      'Zine of the network | Zed Zimmer',
    ]);
    expect((await order(zed, COORDINATORS, 'title', 'asc'))[5]).toBe(
      'Zine of the network | Zed Zimmer',
    );
  });
});
