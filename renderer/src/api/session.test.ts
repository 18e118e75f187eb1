import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { takeToken } from './session';

const tokenArb = fc.stringMatching(/^[A-Za-z0-9_-]{1,48}$/);
const segment = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
const pathArb = fc.array(segment, { maxLength: 4 }).map((s) => `/${s.join('/')}`);

describe('takeToken', () => {
  it('reads the token the shell prints and leaves the root route', () => {
    expect(takeToken('#token=abc_DEF-123')).toEqual({ token: 'abc_DEF-123', route: '/' });
  });

  it('keeps a deep link path and its other parameters', () => {
    expect(takeToken('#/participants/p1?tab=x&token=t0k')).toEqual({
      token: 't0k',
      route: '/participants/p1?tab=x',
    });
  });

  it('refuses a token with characters the server never issues', () => {
    expect(takeToken('#token=<script>').token).toBeNull();
  });

  it('never leaves the token in the route, for any path and token', () => {
    fc.assert(
      fc.property(pathArb, tokenArb, fc.boolean(), (path, token, first) => {
        const hash = first ? `#token=${token}` : `#${path}?token=${token}`;
        const out = takeToken(hash);
        expect(out.token).toBe(token);
        expect(out.route).not.toContain('token');
        expect(out.route).toBe(first ? '/' : path);
      }),
    );
  });

  it('leaves a hash without a token as it is', () => {
    fc.assert(
      fc.property(pathArb, (path) => {
        expect(takeToken(`#${path}`)).toEqual({ token: null, route: path });
      }),
    );
  });
});
