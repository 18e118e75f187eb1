// eslint-disable-next-line no-control-regex -- ASCII-only strings skip Unicode normalisation
const ASCII = /^[\u0000-\u007f]*$/;

/** Case- and accent-folded form of a string for search and sorting ("José" -> "jose"). */
export function fold(s: string): string {
  const base = ASCII.test(s) ? s : s.normalize('NFKD').replace(/\p{M}+/gu, '');
  return base.toLowerCase().replace(/\s+/g, ' ').trim();
}
