import { decodeHTML } from 'entities';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExportFile, Participant } from '../../../shared/api';
import { normalizeForMatch } from '../../../shared/domain/redaction';
import type { RpcResult } from '../../../shared/result';
import { createBackend, type Backend } from '../backend';

/**
 * Property: whatever the participants, whoever is protected and however their identifiers are
 * written into other people's fields, no export for the public or participants audiences contains
 * a protected identifier, and the names of people who are not protected survive.
 */

const GIVEN = [
  'José',
  'Amira',
  'Kwame',
  'Łucja',
  'Ngozi',
  'Иван',
  'Søren',
  'Thảo',
  'Ayşe',
  'Ólafur',
  'Mei',
  'Rania',
  'Joaquín',
  'Zoë',
  'Dmitri',
  'Aroha',
];
const FAMILY = [
  'Muñoz',
  'Haddad',
  'Mensah',
  'Wójcik',
  'Okafor',
  'Петров',
  'Kierkegård',
  'Nguyễn',
  'Yılmaz',
  'Sigurðsson',
  'Chen-Lin',
  "O'Brien",
  'van der Berg',
  'Al-Rashid',
  'Tanaka',
  'Ngata',
];

const stripAccents = (s: string) => s.normalize('NFKD').replace(/\p{M}+/gu, '');

/** The forms in which a person's identifiers may be written into free text. */
function mentions(given: string, family: string, email: string, handle: string): string[] {
  return [
    `${given} ${family}`,
    `${given} ${family}`.toUpperCase(),
    stripAccents(`${given} ${family}`),
    `${family}, ${given}`,
    `${given[0]}. ${family}`,
    `${given}\u00a0 ${family}`,
    email,
    email.toUpperCase(),
    `@${handle}`,
    handle,
  ];
}

const scenario = fc
  .record({
    count: fc.integer({ min: 2, max: 7 }),
    givenOrder: fc.shuffledSubarray(
      GIVEN.map((_, i) => i),
      { minLength: 7, maxLength: 7 },
    ),
    familyOrder: fc.shuffledSubarray(
      FAMILY.map((_, i) => i),
      { minLength: 7, maxLength: 7 },
    ),
    protectedMask: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    mentionPicks: fc.array(fc.tuple(fc.nat(6), fc.nat(9), fc.nat(6)), { maxLength: 10 }),
    audience: fc.constantFrom('public', 'participants'),
    format: fc.constantFrom('csv', 'md', 'html'),
  })
  .filter((s) => s.protectedMask.slice(0, s.count).some(Boolean));

async function call<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const r = (await backend.dispatch(method, input)) as RpcResult<T>;
  if (!r.ok) throw new Error(`${method}: ${r.error.message} (${r.error.field ?? ''})`);
  return r.value;
}

describe('publish never lets a protected identifier out', () => {
  it('holds for random people, protected subsets, mentions, audiences and formats', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const backend = createBackend({ dbFile: ':memory:', shell: 'test' });
        try {
          const forumId = (
            await call<{ id: string }>(backend, 'forums.create', { title: 'Prop', year: 2026 })
          ).id;
          const people = Array.from({ length: s.count }, (_, i) => {
            const given = GIVEN[s.givenOrder[i]];
            const family = FAMILY[s.familyOrder[i]];
            const email = `${stripAccents(given)
              .toLowerCase()
              .replace(/[^a-z]/g, '')}p${i}.member@example.org`;
            const handle = `${stripAccents(family)
              .toLowerCase()
              .replace(/[^a-z]/g, '')}_h${i}x`;
            return { given, family, email, handle, isProtected: s.protectedMask[i] };
          });
          // Mentions go into the organisation field of people who are not protected.
          const orgs = people.map(() => [] as string[]);
          for (const [host, form, subject] of s.mentionPicks) {
            const h = host % s.count;
            const subj = people[subject % s.count];
            if (people[h].isProtected) continue;
            orgs[h].push(mentions(subj.given, subj.family, subj.email, subj.handle)[form]);
          }
          const created: Participant[] = [];
          for (const [i, p] of people.entries()) {
            created.push(
              await call<Participant>(backend, 'participants.create', {
                forumId,
                fullName: `${p.given} ${p.family}`,
                email: p.email,
                handles: [`@${p.handle}`],
                organisation: orgs[i].length
                  ? `Network of ${orgs[i].join(' and ')}`.slice(0, 300)
                  : 'Independent',
                stakeholderGroup: 'civil_society',
                country: 'BR',
                // The public directory lists only people who consented to be listed.
                consentListed: true,
              }),
            );
          }
          for (const [i, p] of people.entries())
            if (p.isProtected)
              await call(backend, 'participants.protect', {
                id: created[i].id,
                reason: 'property',
              });

          const file = await call<ExportFile>(backend, 'exports.render', {
            forumId,
            kind: 'participant-directory',
            format: s.format,
            audience: s.audience,
          });
          const out = Buffer.from(file.base64, 'base64').toString('utf8');
          const folded = normalizeForMatch(out);
          for (const p of people.filter((x) => x.isProtected)) {
            for (const id of [`${p.given} ${p.family}`, p.email, p.handle])
              expect(folded).not.toContain(normalizeForMatch(id));
          }
          for (const p of people.filter((x) => !x.isProtected)) {
            const name = `${p.given} ${p.family}`;
            // As a reader sees it: entities decoded (HTML), backslash escapes removed (Markdown).
            const readable =
              s.format === 'html'
                ? decodeHTML(out)
                : s.format === 'md'
                  ? out.replace(/\\([!-/:-@[-`{-~])/g, '$1')
                  : out;
            expect(readable).toContain(name);
          }
        } finally {
          backend.close();
        }
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
