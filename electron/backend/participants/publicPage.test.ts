// The public directory's name-sorted page is a merge of two index-ordered lists (see
// publicNamePage); it must equal sorting every listed row by "pseudonym if protected, else name".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listParticipants } from '../../../db/queries/participants';
import type { Page, ParticipantRow } from '../../../shared/api';
import { sortKey } from '../../../shared/domain/collation';
import type { Session } from '../../../shared/methods';
import { createBackend } from '../backend';

const PUBLIC: Session = { audience: 'public' };

/** Calls through dispatch; a refusal fails the test with its message. */
const caller =
  (backend: ReturnType<typeof createBackend>) =>
  async <T>(m: string, input: unknown, s?: Session): Promise<T> => {
    const r = await backend.dispatch(m, input, s);
    if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
    return r.value as T;
  };

describe('the public directory page sorted by name', () => {
  it('equals the plain sort for every offset, size, direction and protected subset', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ listed: fc.boolean(), protect: fc.boolean() }), {
          minLength: 1,
          maxLength: 25,
        }),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 7 }),
        async (people, direction, limit) => {
          const backend = createBackend({ dbFile: ':memory:', shell: 'test' });
          try {
            const call = caller(backend);
            const forum = await call<{ id: string }>('forums.create', { title: 'P', year: 2026 });
            for (const [i, p] of people.entries()) {
              // Names interleave with pseudonyms ("Participant ..."): Paula, Pablo, Zoe, Anna.
              const name = ['Paula', 'Pablo', 'Zoe', 'Anna', 'Participant Q'][i % 5] + ` ${i}`;
              const created = await call<{ id: string }>('participants.create', {
                forumId: forum.id,
                fullName: name,
                stakeholderGroup: 'academia',
                consentListed: p.listed,
              });
              if (p.protect)
                await call('participants.protect', { id: created.id, reason: 'property' });
            }
            for (let offset = 0; offset <= people.length; offset++) {
              const input = { forumId: forum.id, offset, limit, direction };
              const page = await call<Page<ParticipantRow>>('participants.list', input, PUBLIC);
              const expected = listParticipants(backend.db, {
                ...input,
                sort: 'name',
                terms: [],
                pseudonymsOnly: true,
                listedOnly: true,
              });
              expect(page.total).toBe(expected.total);
              expect(page.rows.map((r) => r.id)).toEqual(expected.rows.map((r) => r.id));
              // Sorted by a column the filter fixes: the same merge, the same order as SQL's.
              const byGroup = { ...input, stakeholderGroup: 'academia' as const };
              const grouped = await call<Page<ParticipantRow>>(
                'participants.list',
                { ...byGroup, sort: 'stakeholderGroup' },
                PUBLIC,
              );
              const expectedGrouped = listParticipants(backend.db, {
                ...byGroup,
                sort: 'stakeholderGroup',
                terms: [],
                pseudonymsOnly: true,
                listedOnly: true,
              });
              expect(grouped.total).toBe(expectedGrouped.total);
              expect(grouped.rows.map((r) => r.id)).toEqual(expectedGrouped.rows.map((r) => r.id));
            }
          } finally {
            backend.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

// Sorted by organisation, country or any other column, the public page is one compound statement
// (db/queries/participants.ts): protected people have a blank key and sort by pseudonym. It must
// equal a plain sort of the listed rows, written here from SQLite's own rules (NOCASE folds ASCII
// letters only; BINARY compares UTF-8 bytes).
const nocase = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const binary = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

describe('the public directory page sorted by another column', () => {
  it('equals the reference order for every sort, direction, offset and protected subset', async () => {
    const ORGS = [
      '',
      'acme',
      'ACME',
      'Ágora',
      'zeta',
      'Beta',
      'beta lab',
      '😀 Emoji',
      'ﬀ Ligature',
    ];
    const COUNTRIES = [undefined, 'BR', 'KE', 'VN', 'DE'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            listed: fc.boolean(),
            protect: fc.boolean(),
            org: fc.constantFrom(...ORGS),
            country: fc.constantFrom(...COUNTRIES),
            group: fc.constantFrom('academia' as const, 'civil_society' as const),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.constantFrom('organisation' as const, 'country' as const, 'stakeholderGroup' as const),
        fc.constantFrom('asc' as const, 'desc' as const),
        fc.integer({ min: 1, max: 6 }),
        async (people, sort, direction, limit) => {
          const backend = createBackend({ dbFile: ':memory:', shell: 'test' });
          try {
            const call = caller(backend);
            const forum = await call<{ id: string }>('forums.create', { title: 'P', year: 2026 });
            for (const [i, p] of people.entries()) {
              const created = await call<{ id: string }>('participants.create', {
                forumId: forum.id,
                fullName: ['Paula', 'Pablo', 'zoe', 'Ånna', 'Participant Q'][i % 5] + ` ${i}`,
                stakeholderGroup: p.group,
                consentListed: p.listed,
                ...(p.org ? { organisation: p.org } : {}),
                ...(p.country ? { country: p.country } : {}),
              });
              if (p.protect)
                await call('participants.protect', { id: created.id, reason: 'property' });
            }
            const records = backend.db
              .prepare(
                `SELECT id, organisation, country, stakeholder_group AS g, sort_name AS n,
                   is_protected AS p, pseudonym FROM participants WHERE consent_listed = 1`,
              )
              .all() as {
              id: string;
              organisation: string | null;
              country: string | null;
              g: string;
              n: string;
              p: number;
              pseudonym: string | null;
            }[];
            const keyOf = (r: (typeof records)[number]) =>
              sort === 'stakeholderGroup'
                ? r.g
                : r.p
                  ? ''
                  : sort === 'organisation'
                    ? nocase(r.organisation ?? '')
                    : (r.country ?? '');
            const nameOf = (r: (typeof records)[number]) =>
              r.p ? sortKey(r.pseudonym ?? '') : r.n;
            const sign = direction === 'desc' ? -1 : 1;
            const expected = [...records]
              .sort(
                (a, b) =>
                  sign *
                  (binary(keyOf(a), keyOf(b)) ||
                    binary(nameOf(a), nameOf(b)) ||
                    binary(a.id, b.id)),
              )
              .map((r) => r.id);
            for (let offset = 0; offset <= people.length; offset++) {
              const page = await call<Page<ParticipantRow>>(
                'participants.list',
                { forumId: forum.id, sort, direction, offset, limit },
                PUBLIC,
              );
              expect(page.total).toBe(expected.length);
              expect(page.rows.map((r) => r.id)).toEqual(expected.slice(offset, offset + limit));
              // No protected person's organisation or country comes out with the row.
              for (const r of page.rows)
                if (records.find((x) => x.id === r.id)?.p)
                  expect([r.organisation, r.country]).toEqual([null, null]);
            }
          } finally {
            backend.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 90_000);
});

describe('the public directory and the protection filter', () => {
  it('has no protection filter: it would list and count the protected people', async () => {
    const backend = createBackend({ dbFile: ':memory:', shell: 'test' });
    try {
      const call = caller(backend);
      const forum = await call<{ id: string }>('forums.create', { title: 'P', year: 2026 });
      const p = await call<{ id: string }>('participants.create', {
        forumId: forum.id,
        fullName: 'Paula Protected',
        stakeholderGroup: 'academia',
        consentListed: true,
      });
      await call('participants.protect', { id: p.id, reason: 'targeted' });
      for (const protection of ['only', 'none'] as const) {
        const r = await backend.dispatch(
          'participants.list',
          { forumId: forum.id, protection, offset: 0, limit: 10 },
          PUBLIC,
        );
        expect(r.ok).toBe(false);
        if (!r.ok) {
          // The public audience's input schema has no such field: refused at the boundary.
          expect(r.error).toMatchObject({ code: 'validation', field: 'protection' });
          expect(r.error.message).toMatch(/is not a field of this method/);
        }
      }
    } finally {
      backend.close();
    }
  });
});
