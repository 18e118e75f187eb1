import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { BrowserWindow, protocol } from 'electron';
import { buildContentSecurityPolicy, createNonce, injectCspNonce } from './csp';

/** The renderer is served from a custom privileged scheme, never from file:// (which would make
 * every local file same-origin with the app). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'intersession';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Must run before `app` is ready: Electron only accepts privileged schemes at startup. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: a secure context like https.
      // Deliberately NOT bypassCSP or corsEnabled.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

async function readIfFile(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch {
    return undefined;
  }
}

/**
 * Serves files of the built renderer (out/renderer) for `app://intersession/...`, confined to
 * that folder, with the CSP header. index.html gets a new nonce per load.
 */
export function createAppProtocolHandler(
  rendererDir: string,
): (request: Request) => Promise<Response> {
  const rootDir = resolve(rendererDir);
  const indexFile = resolve(rootDir, 'index.html');

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method not allowed');
    }
    const url = new URL(request.url);
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
      return textResponse(404, 'Not found');
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return textResponse(400, 'Bad request');
    }
    if (pathname.includes('\0')) return textResponse(400, 'Bad request');

    const relativePath = pathname.replace(/^\/+/, '') || 'index.html';
    let file = resolve(rootDir, relativePath);
    if (!file.startsWith(rootDir + sep)) return textResponse(404, 'Not found');

    let body = await readIfFile(file);
    if (body === undefined && extname(file) === '') {
      // Client-side routes (no file extension) get the app shell.
      file = indexFile;
      body = await readIfFile(file);
    }
    if (body === undefined) return textResponse(404, 'Not found');

    const nonce = createNonce();
    const extension = extname(file).toLowerCase();
    const payload =
      extension === '.html' ? Buffer.from(injectCspNonce(body.toString('utf8'), nonce)) : body;
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(payload), {
      status: 200,
      headers: {
        'Content-Type': CONTENT_TYPES[extension] ?? 'application/octet-stream',
        'Content-Security-Policy': buildContentSecurityPolicy(nonce),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cache-Control': 'no-cache',
      },
    });
  };
}

/** Must run after `app` is ready. */
export function installAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

/**
 * The dev server URL from electron-vite, honoured only in an unpackaged app and only when it
 * points at this machine; a packaged app always loads its own files.
 */
export function resolveDevServerUrl(
  value: string | undefined,
  isPackaged: boolean,
): string | undefined {
  if (isPackaged || !value) return undefined;
  try {
    const url = new URL(value);
    const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    return local && (url.protocol === 'http:' || url.protocol === 'https:') ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface MainWindowOptions {
  preloadPath: string;
  /** `APP_ENTRY_URL`, or the dev server URL in development. */
  startUrl: string;
}

export function createMainWindow({ preloadPath, startUrl }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Intersession',
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window (denied anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(startUrl);
  return window;
}
