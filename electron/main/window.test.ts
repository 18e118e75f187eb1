import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  const windows: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  class BrowserWindow {
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly once = vi.fn();
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
  }
  return {
    windows,
    BrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
  };
});

vi.mock('electron', () => ({ BrowserWindow: electron.BrowserWindow, protocol: electron.protocol }));

import { buildContentSecurityPolicy, injectCspNonce } from './csp';
import {
  APP_ENTRY_URL,
  createAppProtocolHandler,
  createMainWindow,
  installAppProtocol,
  registerAppScheme,
  resolveDevServerUrl,
} from './window';

beforeEach(() => {
  electron.windows.length = 0;
  vi.clearAllMocks();
});

describe('createMainWindow', () => {
  it('uses the production security settings', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', startUrl: APP_ENTRY_URL });
    const [window] = electron.windows;
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(prefs).not.toHaveProperty('enableRemoteModule');
    expect(window.options.title).toContain('Intersession');
    expect(window.loadURL).toHaveBeenCalledWith('app://intersession/index.html');
  });
});

describe('app:// scheme', () => {
  it('is privileged as standard and secure, without bypassing CSP', () => {
    registerAppScheme();
    const [[schemes]] = electron.protocol.registerSchemesAsPrivileged.mock.calls as [
      [{ scheme: string; privileges: Record<string, boolean> }[]],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0].scheme).toBe('app');
    expect(schemes[0].privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0].privileges.bypassCSP).toBeFalsy();
    expect(schemes[0].privileges.corsEnabled).toBeFalsy();
  });

  it('installs a handler for the app scheme', () => {
    installAppProtocol('/app/out/renderer');
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});

describe('Content-Security-Policy', () => {
  const csp = buildContentSecurityPolicy('abc123');

  it('allows neither inline code nor eval', () => {
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-hashes');
    expect(csp).not.toContain('*');
  });

  it('is deny-by-default and lets styles in only from the app or with the nonce', () => {
    const directives = new Map(
      csp.split(';').map((part) => {
        const [name, ...values] = part.trim().split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
    );
    expect(directives.get('default-src')).toBe("'none'");
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('style-src')).toBe("'self' 'nonce-abc123'");
    expect(directives.get('img-src')).toBe("'self' data: blob:");
    expect(directives.get('font-src')).toBe("'self'");
    expect(directives.get('connect-src')).toBe("'self'");
    expect(directives.get('base-uri')).toBe("'none'");
    expect(directives.get('form-action')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });
});

describe('injectCspNonce', () => {
  it('fills an existing csp-nonce meta tag', () => {
    const html = '<head><meta name="csp-nonce" content="PLACEHOLDER" /></head>';
    expect(injectCspNonce(html, 'n0nce')).toBe(
      '<head><meta name="csp-nonce" content="n0nce"></head>',
    );
  });

  it('adds the meta tag when the page has none', () => {
    expect(injectCspNonce('<html><head><title>x</title></head></html>', 'n0nce')).toContain(
      '<head>\n    <meta name="csp-nonce" content="n0nce">',
    );
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let rendererDir: string;
  let handle: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intersession-window-'));
    rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(
      join(rendererDir, 'index.html'),
      '<!doctype html><html><head><meta name="csp-nonce" content=""><title>Intersession</title></head><body></body></html>',
    );
    await writeFile(join(rendererDir, 'assets', 'index.js'), 'console.log(1);');
    await writeFile(join(dir, 'secret.txt'), 'outside the renderer folder');
    handle = createAppProtocolHandler(rendererDir);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves index.html with a fresh nonce in both the page and the CSP header', async () => {
    const nonces: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await get('app://intersession/index.html');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).not.toContain('unsafe-inline');
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
      expect(nonce.length).toBeGreaterThanOrEqual(16);
      expect(await response.text()).toContain(`<meta name="csp-nonce" content="${nonce}">`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('serves assets with their content type and nosniff', async () => {
    const response = await get('app://intersession/assets/index.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('falls back to the app shell for client-side routes, not for missing assets', async () => {
    expect(await (await get('app://intersession/forums/42')).text()).toContain(
      '<title>Intersession',
    );
    expect((await get('app://intersession/assets/missing.js')).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const url of [
      'app://intersession/..%2Fsecret.txt',
      'app://intersession/assets/..%2F..%2Fsecret.txt',
      'app://intersession/%2e%2e/secret.txt',
      'app://intersession/../secret.txt',
    ]) {
      const response = await get(url);
      expect(await response.text()).not.toContain('outside the renderer folder');
    }
    expect((await get('app://intersession/..%2Fsecret.txt')).status).toBe(404);
  });

  it('refuses other hosts, other methods and malformed paths', async () => {
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://intersession/index.html', 'POST')).status).toBe(405);
    expect((await get('app://intersession/%E0%A4%A')).status).toBe(400);
    expect((await get('app://intersession/index.html%00.js')).status).toBe(400);
  });
});

describe('resolveDevServerUrl', () => {
  it('is honoured only unpackaged and only for this machine', () => {
    expect(resolveDevServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(resolveDevServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(resolveDevServerUrl('http://localhost:5173', true)).toBeUndefined();
    expect(resolveDevServerUrl('https://evil.example/', false)).toBeUndefined();
    expect(resolveDevServerUrl('file:///etc/passwd', false)).toBeUndefined();
    expect(resolveDevServerUrl('not a url', false)).toBeUndefined();
    expect(resolveDevServerUrl(undefined, false)).toBeUndefined();
  });
});
