/**
 * Deterministic participants for the registry benchmark: varied names (several scripts and
 * naming customs), organisations, stakeholder groups, countries, genders and languages, as a
 * registration-form export (CSV) whose headers the importer recognises.
 */
import { COUNTRIES } from '../../shared/domain/countries';
import { fold } from '../../shared/domain/fold';
import {
  STAKEHOLDER_GROUPS,
  STAKEHOLDER_GROUP_LABELS,
  type StakeholderGroup,
} from '../../shared/domain/vocabulary';

/** mulberry32: small, fast, deterministic PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = (
  'Ana|Beatriz|José|María|Lucía|Tomás|João|Aïcha|Fatou|Amina|Kwame|Ngozi|Chiamaka|' +
  'Thabo|Wanjiru|Efua|Yaw|Zanele|Priya|Arjun|Ananya|Rahul|Mei|Wei|Hiroshi|Yuki|Min-jun|' +
  'Seo-yeon|Linh|Nguyễn|Siobhán|Søren|Łukasz|Zoë|François|Björn|Ingrid|Olga|Dmitri|' +
  'Ayşe|Mehmet|Leila|Omar|Yusuf|Fatima|Hope|Grace|Mateus|Camila|Diego|Valentina|' +
  'Sebastián|Tupac|Kiri|Aroha|Sione|Malia|Emily|Jack|Noor'
).split('|');
const FAMILY = (
  'Lima|Silva|Santos|García-López|Fernández|Muñoz|de la Cruz|Diallo|Ndiaye|Mensah|' +
  'Mensah-Boateng|Okonkwo|Adeyemi|Kamau|Otieno|Dlamini|Nkosi|Asante|Iyer|Sharma|' +
  "Chatterjee|Wang|Li|Zhang|Tanaka|Watanabe|Kim|Park|Nguyen|Tran|O'Donoghue|Østergaard|" +
  'Kowalczyk|Dubois|Müller|van der Berg|Lindqvist|Ivanova|Petrov|Yılmaz|Demir|Haddad|' +
  'al-Rashid|Khoury|Ben Ali|Bishop|Smith|Souza|Quispe|Mamani|Rodríguez|Ngata|Tupou|' +
  'Fonoti|Ştefănescu|Novák|Horváth|Papadopoulos'
).split('|');
const ORG_KINDS = (
  'Institute for|Centre for|Foundation for|Network on|Alliance for|Observatory of|' +
  'Coalition for|Ministry of|Agency for|Association for|Council on|Lab for'
).split('|');
const ORG_TOPICS = (
  'Digital Rights|Internet Access|Gender and Technology|Community Networks|' +
  'Cybersecurity|Digital Inclusion|Open Data|Online Safety|Media Freedom|' +
  'Telecommunications|Innovation|Internet Governance|Local Content|Data Protection|' +
  'Digital Skills|Rural Connectivity|Accessibility|Platform Accountability'
).split('|');
const PLACES = (
  'Africa|the Americas|Asia-Pacific|the Pacific|the Caribbean|Europe|Latin America|' +
  'West Africa|East Africa|South Asia|the Arab Region|Central Asia|Nairobi|São Paulo|' +
  'Jakarta|Dakar|Manila|Bogotá|Kyiv|Beirut|Suva|Kathmandu|Lagos|Geneva'
).split('|');
const COMPANIES = 'Telecom|Networks|Systems|Cloud|Mobile|Connect|Data|Digital|Labs'.split('|');
const DOMAINS = ['example.org', 'example.net', 'example.com', 'mail.example', 'uni.example'];
const GENDER_ANSWERS = ['Woman', 'Man', 'Female', 'Male', 'Non-binary', 'Prefer not to say', ''];
const LANGS = ['en', 'fr', 'es', 'pt', 'ar', 'ru', 'zh', 'sw', 'hi', 'de', 'ja', 'pt-BR'];

/** Stakeholder groups weighted roughly like a BPF's participant base. */
const GROUP_WEIGHTS: Record<StakeholderGroup, number> = {
  civil_society: 30,
  private_sector: 20,
  technical_community: 15,
  academia: 15,
  government: 12,
  intergovernmental: 4,
  individual_other: 4,
};

export interface GeneratedParticipants {
  /** A registration export: header line plus one line per participant. */
  csv: string;
  count: number;
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const asciiLocal = (s: string) =>
  fold(s)
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');

export const CSV_HEADERS = [
  'Full name',
  'Preferred name',
  'Email',
  'Organisation',
  'Stakeholder group',
  'Country',
  'Gender',
  'Languages',
  'May be listed',
  'May receive invitations',
] as const;

/** `count` participants from `seed`; the same arguments give the same file, byte for byte. */
export function generateParticipants(count: number, seed = 20260214): GeneratedParticipants {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const groupTable = STAKEHOLDER_GROUPS.flatMap((g) =>
    Array.from({ length: GROUP_WEIGHTS[g] }, () => g),
  );
  // Inhabited countries only (every one with a time zone).
  const countries = COUNTRIES.filter((c) => c.timeZones.length > 0);

  const lines: string[] = [CSV_HEADERS.join(',')];
  for (let i = 0; i < count; i++) {
    const given = pick(GIVEN);
    const second = random() < 0.25 ? ` ${pick(GIVEN)}` : '';
    const family = pick(FAMILY);
    const fullName = random() < 0.1 ? `${family} ${given}${second}` : `${given}${second} ${family}`;
    const preferred = random() < 0.3 ? given : '';
    const group = pick(groupTable);
    const organisation =
      group === 'private_sector'
        ? `${pick(PLACES).replace(/^the /, '')} ${pick(COMPANIES)} ${random() < 0.5 ? 'Ltd' : 'Inc.'}`
        : group === 'individual_other' && random() < 0.6
          ? ''
          : `${pick(ORG_KINDS)} ${pick(ORG_TOPICS)}${random() < 0.5 ? ` in ${pick(PLACES)}` : ''}`;
    const country = pick(countries);
    // Unique per row: the registry refuses two people with one e-mail address in a forum.
    const email = `${asciiLocal(given)}.${asciiLocal(family)}.${i.toString(36)}@${pick(DOMAINS)}`;
    const languages = [...new Set([pick(LANGS), pick(LANGS)])].slice(
      0,
      1 + Math.floor(random() * 2),
    );
    lines.push(
      [
        fullName,
        preferred,
        email,
        organisation,
        STAKEHOLDER_GROUP_LABELS[group],
        random() < 0.8 ? country.name : country.code,
        pick(GENDER_ANSWERS),
        languages.join('; '),
        random() < 0.7 ? 'yes' : 'no',
        random() < 0.8 ? 'yes' : 'no',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return { csv: lines.join('\n') + '\n', count };
}
