import { app, session, shell, type Session, type WebContents } from 'electron';

export type OpenExternal = (url: string) => Promise<unknown>;

/** Only web links may leave the app for the system browser: never file:, javascript:, custom schemes. */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * The app's only way to hand a URL to the operating system: http(s) links open in the system
 * browser; anything else is refused (returns false) and never reaches shell.openExternal.
 */
export async function openWebLink(url: string): Promise<boolean> {
  if (!isWebUrl(url)) return false;
  const href = new URL(url).href;
  await shell.openExternal(href);
  return true;
}

function openInBrowser(openExternal: OpenExternal, url: string): void {
  if (!isWebUrl(url)) return;
  openExternal(url).catch((error: unknown) => {
    console.error('Could not open the link in the browser:', error);
  });
}

/**
 * The app has one page and never navigates away from it: navigations and new windows are
 * denied (web links go to the system browser instead) and <webview> cannot be attached.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openInBrowser(openExternal, url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openInBrowser(openExternal, url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/** Camera, microphone, notifications, geolocation, clipboard reads, devices...: all refused. */
export function denyAllPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
}

/** Guards every web contents ever created; may run before `app` is ready. */
export function installWebContentsGuards(openExternal: OpenExternal = openWebLink): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, openExternal);
  });
}

/** Denies permissions in the default session and in any session created later; needs `app` ready. */
export function installSessionGuards(): void {
  denyAllPermissions(session.defaultSession);
  app.on('session-created', (created) => {
    denyAllPermissions(created);
  });
}
