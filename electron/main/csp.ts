import { randomBytes } from 'node:crypto';

// Pure (no 'electron' import) so scripts/electronegativity.mjs can evaluate the real policy.

/** A fresh nonce for every page load; Mantine stamps it on the <style> tags it injects. */
export function createNonce(): string {
  return randomBytes(18).toString('base64');
}

export function buildContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Puts the nonce into `<meta name="csp-nonce" content="...">`, adding the tag when it is absent. */
export function injectCspNonce(html: string, nonce: string): string {
  const tag = `<meta name="csp-nonce" content="${nonce}">`;
  const existing = /<meta\s+name=["']csp-nonce["'][^>]*>/i;
  if (existing.test(html)) return html.replace(existing, tag);
  const head = /<head(\s[^>]*)?>/i;
  if (head.test(html)) return html.replace(head, (match) => `${match}\n    ${tag}`);
  return `${tag}\n${html}`;
}
