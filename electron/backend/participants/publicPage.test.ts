// The public directory's name-sorted page is a merge of two index-ordered lists (see
// publicNamePage); it must equal sorting every listed row by "pseudonym if protected, else name".
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listParticipants } from '../../../db/queries/participants';
import type { Page, ParticipantRow } from '../../../shared/api';
import type { Session } from '../../../shared/methods';
import { createBackend } from '../backend';

const PUBLIC: Session = { audience: 'public' };

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
            const call = async <T>(m: string, input: unknown, s?: Session) => {
              const r = await backend.dispatch(m, input, s);
              if (!r.ok) throw new Error(`${m}: ${r.error.message}`);
              return r.value as T;
            };
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
