/**
 * Rules of the two-phase consultation (DOMAIN.md: Brazil's Marco Civil). Pure.
 *
 * - A round is held on a saved version, so its numbering never moves: sections keep their
 *   outline number ("2.1") and each section's paragraphs are numbered from 1 ("2.1 ¶3").
 * - Phase 1 (principles/outline) takes comments on a section or on the whole document;
 *   phase 2 (the draft) takes comments on a paragraph or on the whole document.
 * - A closed round takes no new comments; its comments can still be answered.
 * - Partly accepted and declined comments need a response saying why.
 * - Comments from protected participants appear by pseudonym, anonymous ones as "Anonymous".
 */
import type { RoundParagraph } from '../reportApi';
import { paragraphsOf } from './markdownTree';
import {
  DISPOSITIONS_NEEDING_RESPONSE,
  type CommentDisposition,
  type RoundPhase,
  type RoundStatus,
} from './report';

export interface NumberedSection {
  id: string;
  number: string;
  title: string;
  markdown: string;
}

export const paragraphRef = (sectionNumber: string, paragraph: number | null) =>
  paragraph === null ? sectionNumber : `${sectionNumber} ¶${paragraph}`;

/** Reads "2.1", "2.1 ¶3", "2.1¶3", "2.1 p3", "2.1-3", "2.1/3", "2.1 #3" or "" (whole document). */
export function parseParagraphRef(
  ref: string,
): { section: string; paragraph: number | null } | null | 'general' {
  const s = ref.trim().replace(/^§\s*/, '');
  if (!s || /^(general|whole( document)?|all)$/i.test(s)) return 'general';
  const m = /^(\d+(?:\.\d+)*)\.?(?:\s*(?:¶|p|para(?:graph)?|-|\/|#)\s*(\d+))?$/i.exec(s);
  if (!m) return null;
  return { section: m[1], paragraph: m[2] ? Number(m[2]) : null };
}

const excerpt = (s: string, max = 160) => {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** The numbered units of a round: each section, then (phase 2) each of its paragraphs. */
export function roundParagraphs(
  phase: RoundPhase,
  sections: readonly NumberedSection[],
): RoundParagraph[] {
  const out: RoundParagraph[] = [];
  for (const s of sections) {
    const paragraphs = paragraphsOf(s.markdown);
    out.push({
      ref: paragraphRef(s.number, null),
      sectionId: s.id,
      sectionTitle: s.title,
      paragraph: null,
      excerpt: excerpt(paragraphs[0] ?? ''),
    });
    if (phase === 2)
      paragraphs.forEach((p, i) =>
        out.push({
          ref: paragraphRef(s.number, i + 1),
          sectionId: s.id,
          sectionTitle: s.title,
          paragraph: i + 1,
          excerpt: excerpt(p),
        }),
      );
  }
  return out;
}

export type RefResolution =
  | { ok: true; ref: string; sectionId: string | null; paragraph: number | null }
  | { ok: false; message: string };

/** Where a comment points, checked against the round's phase and numbering. */
export function resolveCommentRef(
  phase: RoundPhase,
  paragraphs: readonly RoundParagraph[],
  ref: string,
): RefResolution {
  const parsed = parseParagraphRef(ref);
  if (parsed === 'general') return { ok: true, ref: '', sectionId: null, paragraph: null };
  if (parsed === null)
    return {
      ok: false,
      message: `"${ref.slice(0, 40)}" is not a section or paragraph number (e.g. 2.1 or 2.1 ¶3)`,
    };
  if (phase === 1 && parsed.paragraph !== null)
    return {
      ok: false,
      message: 'must be a section (e.g. 2.1) in phase 1, not a paragraph',
    };
  if (phase === 2 && parsed.paragraph === null)
    return {
      ok: false,
      message: 'must be a paragraph (e.g. 2.1 ¶3) in phase 2, or empty for the whole document',
    };
  const wanted = paragraphRef(parsed.section, parsed.paragraph);
  const hit = paragraphs.find((p) => p.ref === wanted);
  if (!hit)
    return { ok: false, message: `must be in this round's version, which has no ${wanted}` };
  return { ok: true, ref: hit.ref, sectionId: hit.sectionId, paragraph: hit.paragraph };
}

/** Why a response is needed, or null if the answer is complete. */
export function responseProblem(disposition: CommentDisposition, response: string): string | null {
  if (DISPOSITIONS_NEEDING_RESPONSE.includes(disposition) && !response.trim())
    return 'is required when a comment is partly accepted or declined';
  return null;
}

export const roundTakesComments = (status: RoundStatus) => status === 'open';

export const ANONYMOUS_COMMENTER = 'Anonymous';

/** The commenter as any output names them. */
export function commenterDisplay(c: {
  anonymous: boolean;
  isProtected: boolean;
  pseudonym: string | null;
  name: string;
}): string {
  if (c.anonymous) return ANONYMOUS_COMMENTER;
  if (c.isProtected) return c.pseudonym ?? ANONYMOUS_COMMENTER;
  return c.name.trim() || ANONYMOUS_COMMENTER;
}
