/**
 * A small adversarial corpus for the publication tests: protected people written into Markdown in
 * the ways that leaked before (names split by inline marks, in link text and URLs, raw HTML,
 * handles and e-mails in URLs). The shared corpus (shared/domain/redaction/corpus.ts, same API:
 * `adversarialPeople()`, `mentionsOf(person)`, `containsIdentifier(output, person)`) replaces it
 * at merge.
 */
import { decodeHTML } from 'entities';
import type { ProtectedPerson } from '../../../shared/domain/redaction';

export interface CorpusPerson extends ProtectedPerson {
  given: string;
  family: string;
  handle: string;
  email: string;
  organisation: string;
}

const PEOPLE: [string, string, string][] = [
  ['Amira', 'Haddad', 'Sahel Digital Rights'],
  ['José', 'Muñoz', 'Red Andina'],
  ['Łucja', 'Wójcik', 'Fundacja Sieć'],
  ['Kwame', 'Mensah', 'Accra Tech Hub'],
  ['Thảo', 'Nguyễn', 'Mekong Open Net'],
  ['Søren', 'Kierkegård', 'Nordisk Netværk'],
];

const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .toLowerCase();

export function adversarialPeople(): CorpusPerson[] {
  return PEOPLE.map(([given, family, organisation], i) => {
    const handle = `${ascii(given)}_${ascii(family)}${i}`;
    const email = `${ascii(given)}.${ascii(family)}@example.org`;
    return {
      id: `00000000-0000-4000-8000-00000000000${i}`,
      pseudonym: `Participant Q${i + 1}`,
      fullName: `${given} ${family}`,
      given,
      family,
      handle,
      email,
      organisation,
      handles: [`@${handle}`],
    };
  });
}

/** Ways a person's identifiers are written in Markdown fields of other records. */
export function mentionsOf(p: CorpusPerson): string[] {
  const [g, f] = [p.given, p.family];
  const half = Math.ceil(f.length / 2);
  return [
    `**${g}** ${f}`,
    `_${g}_ ${f}`,
    `[${g}](https://x.com/${p.handle}) ${f}`,
    `${g} ${f.slice(0, half)}**${f.slice(half)}**`,
    `${g} <b>${f.slice(0, half)}</b>${f.slice(half)}`,
    `[write to them](mailto:${p.email})`,
    `[profile](https://social.example/@${p.handle})`,
    `${g.toUpperCase()} ${f.toUpperCase()}`,
    `${f}, ${g}`,
    `\`${g} ${f}\``,
    `[${g} ${f}](https://example.org/people?who=${encodeURIComponent(`${g} ${f}`)})`,
    `<${p.email}>`,
    `${p.email}`,
  ];
}

/** Folded for comparison: NFKD, no marks, lower case, entities decoded, no markup or spaces. */
export function fold(s: string): string {
  let t = s;
  try {
    t = decodeURIComponent(t.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  } catch {
    t = s; // leave undecodable text as it is
  }
  return decodeHTML(t)
    .replace(/<[^>]*>/g, '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s*_`~\\[\]()|#>+-]+/g, '');
}

/** Whether an output carries an identifier of the person, whatever markup or escaping it has. */
export function containsIdentifier(output: string, p: CorpusPerson): boolean {
  const hay = fold(output);
  const forms = [
    `${p.given} ${p.family}`,
    `${p.family} ${p.given}`,
    p.email,
    p.handle,
    p.organisation,
  ];
  return forms.some((f) => hay.includes(fold(f)));
}
