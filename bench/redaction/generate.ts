/**
 * Deterministic data for the redaction benchmark: people with names from many scripts and a large
 * text (minutes-like prose in several languages) that mentions some of them in varied forms.
 */
import type { ProtectedPerson } from '../../shared/domain/redaction/index';

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

interface Script {
  given: string[];
  family: string[];
  /** Family name written first, no space (CJK). */
  familyFirstJoined?: boolean;
  /** Letters used to make names unique. */
  letters: string;
}

export const SCRIPTS: Record<string, Script> = {
  latin: {
    given: [
      'José',
      'María',
      'Jean-Luc',
      'Aïcha',
      'Søren',
      'Łukasz',
      'Zoë',
      'Hope',
      'Rose',
      'Nkechi',
      'Ngozi',
      'Thabo',
      'Priya',
      'Lucía',
      'François',
      'Björn',
      'Ahmed',
      'Fatou',
      'Kwame',
      'Ana',
    ],
    family: [
      'Muñoz',
      'van der Berg',
      "O'Brien",
      'García-López',
      'Nguyễn',
      'Okonkwo',
      'Dubois',
      'Ştefănescu',
      'de la Cruz',
      'Bishop',
      'Park',
      'Müller',
      'Kowalczyk',
      'Mensah',
      'al-Rashid',
      'Silva',
      'Østergaard',
      'Haddad',
      'Santos',
      'Iyer',
    ],
    letters: 'bcdfghjklmnprstvz',
  },
  cyrillic: {
    given: ['Иван', 'Мария', 'Ольга', 'Дмитрий', 'Наталья', 'Алексей', 'Юлия', 'Сергей'],
    family: [
      'Петров',
      'Иванова',
      'Смирнов',
      'Кузнецова',
      'Соколов',
      'Попова',
      'Лебедев',
      'Новикова',
    ],
    letters: 'бвгдклмнпрст',
  },
  greek: {
    given: ['Γιώργος', 'Μαρία', 'Νίκος', 'Ελένη', 'Δημήτρης', 'Σοφία'],
    family: ['Παπαδόπουλος', 'Οικονόμου', 'Γεωργίου', 'Νικολάου', 'Καραγιάννης', 'Βασιλείου'],
    letters: 'βγδκλμνπρστ',
  },
  arabic: {
    given: ['محمد', 'فاطمة', 'أحمد', 'عائشة', 'يوسف', 'مريم', 'عمر', 'ليلى'],
    family: ['الأحمد', 'حداد', 'المصري', 'الشامي', 'بن علي', 'العلي', 'خوري', 'النجار'],
    letters: 'بتثجحخدذرزسشصضطظعغفقكلمن',
  },
  hebrew: {
    given: ['דוד', 'שרה', 'יוסף', 'רחל', 'משה', 'לאה'],
    family: ['כהן', 'לוי', 'מזרחי', 'פרץ', 'ביטון', 'אברהם'],
    letters: 'בגדזחטכלמנסעפצקרת',
  },
  chinese: {
    given: ['小明', '伟', '芳', '秀英', '建国', '丽'],
    family: ['王', '李', '张', '刘', '陈', '杨'],
    familyFirstJoined: true,
    letters: '明华国英杰文军平辉强玲红',
  },
  japanese: {
    given: ['太郎', '花子', '健', 'さくら', 'ゆい', '翔太'],
    family: ['山田', '佐藤', '鈴木', '高橋', '田中', '伊藤'],
    familyFirstJoined: true,
    letters: 'あいうえおかきくけこ',
  },
  korean: {
    given: ['민준', '서연', '지호', '하은', '도윤', '수아'],
    family: ['김', '이', '박', '최', '정', '강'],
    familyFirstJoined: true,
    letters: '가나다라마바사아자차',
  },
};
const SCRIPT_NAMES = Object.keys(SCRIPTS);
const SCRIPT_WEIGHTS = [0.5, 0.1, 0.05, 0.1, 0.05, 0.08, 0.07, 0.05];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}

function pickScript(r: () => number): string {
  let x = r();
  for (let i = 0; i < SCRIPT_NAMES.length; i++) {
    x -= SCRIPT_WEIGHTS[i];
    if (x <= 0) return SCRIPT_NAMES[i];
  }
  return SCRIPT_NAMES[0];
}

function randomWord(r: () => number, letters: string, min: number, max: number): string {
  const n = min + Math.floor(r() * (max - min + 1));
  let s = '';
  for (let i = 0; i < n; i++) s += letters[Math.floor(r() * letters.length)];
  return s;
}

export interface BenchPerson extends ProtectedPerson {
  script: string;
  given: string;
  family: string;
}

/** `count` distinct people; names are pool names plus random letters so they are unique. */
export function generatePeople(count: number, seed = 1): BenchPerson[] {
  const r = rng(seed);
  const people: BenchPerson[] = [];
  const seen = new Set<string>();
  while (people.length < count) {
    const script = pickScript(r);
    const sc = SCRIPTS[script];
    const given = pick(r, sc.given);
    const suffix = randomWord(r, sc.letters, 2, 4);
    const family = sc.familyFirstJoined ? pick(r, sc.family) : `${pick(r, sc.family)}${suffix}`;
    const givenU = sc.familyFirstJoined ? `${given}${suffix}` : given;
    const fullName = sc.familyFirstJoined ? `${family}${givenU}` : `${givenU} ${family}`;
    if (seen.has(fullName)) continue;
    seen.add(fullName);
    const i = people.length;
    const ascii = `p${i.toString(36)}${randomWord(r, 'abcdefghijkmnpqrstuvwxyz', 3, 5)}`;
    people.push({
      id: `person-${i}`,
      pseudonym: `Participant X${i.toString(36).toUpperCase()}`,
      fullName,
      email: `${ascii}.${suffix.length}@example.org`,
      handles: r() < 0.3 ? [`@${ascii}_x`] : [],
      phones: r() < 0.1 ? [`+41 22 ${100 + (i % 900)} ${1000 + i}`] : [],
      script,
      given: givenU,
      family,
    });
  }
  return people;
}

const FILLER: string[] = [
  'The group discussed the draft outline and agreed to circulate it before the next call.',
  'Participants from several regions raised concerns about connectivity and the timing of calls.',
  'Action: the secretariat will share the survey results with the mailing list by Friday.',
  'I hope the bishop of the local park association can host the onsite session in June.',
  'El grupo revisó las contribuciones recibidas y acordó publicar un resumen en español.',
  'Le groupe a discuté du calendrier et des prochaines étapes pour le rapport final.',
  'Участники обсудили проект отчёта и согласовали сроки следующей встречи.',
  'ناقش المشاركون مسودة التقرير واتفقوا على موعد الاجتماع القادم.',
  'המשתתפים דנו בטיוטת הדוח וקבעו את מועד הפגישה הבאה.',
  '与会者讨论了报告草案，并商定了下一次会议的时间。',
  '参加者は報告書の草案について議論し、次回の会議の日程を決めました。',
  '참가자들은 보고서 초안을 논의하고 다음 회의 일정을 정했습니다.',
  'Οι συμμετέχοντες συζήτησαν το σχέδιο της έκθεσης και τον χρόνο της επόμενης συνάντησης.',
  'Rose Park? The rose garden in the park was mentioned as a venue; María Fernández agreed.',
];

/** A mention of `p` in one of several forms (case, accents, order, initials, e-mail, handle). */
export function mention(r: () => number, p: BenchPerson): string {
  const latinLike = p.script === 'latin' || p.script === 'cyrillic' || p.script === 'greek';
  const k = Math.floor(r() * 8);
  switch (k) {
    case 0:
      return p.fullName;
    case 1:
      return p.fullName.toUpperCase();
    case 2:
      return p.fullName.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    case 3:
      return latinLike ? `${p.family}, ${p.given}` : p.fullName;
    case 4:
      return latinLike ? `${[...p.given][0]}. ${p.family}` : p.fullName.replace(/ /g, '\n');
    case 5:
      return p.email ?? p.fullName;
    case 6:
      return p.handles && p.handles.length > 0 ? p.handles[0] : `(${p.fullName})`;
    default:
      return p.fullName.replace(/ /g, '\u00a0 ');
  }
}

/** About `bytes` UTF-16 code units of text; roughly one sentence in `mentionEvery` names someone. */
export function generateText(
  people: readonly BenchPerson[],
  units: number,
  seed = 2,
  mentionEvery = 4,
): { text: string; mentions: number } {
  const r = rng(seed);
  const parts: string[] = [];
  let len = 0;
  let mentions = 0;
  while (len < units) {
    let s = pick(r, FILLER);
    if (r() < 1 / mentionEvery) {
      const p = people[Math.floor(r() * people.length)];
      s = `${mention(r, p)} said: ${s}`;
      mentions++;
    }
    s += r() < 0.1 ? '\n\n' : ' ';
    parts.push(s);
    len += s.length;
  }
  return { text: parts.join(''), mentions };
}
