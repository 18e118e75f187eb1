import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  return {
    appListeners,
    app: {
      on: vi.fn((name: string, listener: (...args: unknown[]) => unknown) => {
        appListeners.set(name, listener);
      }),
    },
    session: { defaultSession: undefined as unknown },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  session: electron.session,
  shell: electron.shell,
}));

import {
  denyAllPermissions,
  hardenWebContents,
  installSessionGuards,
  installWebContentsGuards,
  isWebUrl,
  openWebLink,
} from './security';

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: Listener | undefined;
  const contents = {
    on: vi.fn((name: string, listener: Listener) => {
      listeners.set(name, listener);
      return contents;
    }),
    setWindowOpenHandler: vi.fn((handler: Listener) => {
      openHandler = handler;
    }),
  };
  return {
    contents: contents as unknown as WebContents,
    emit(name: string, ...args: unknown[]) {
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      return listener(...args);
    },
    open(url: string) {
      if (!openHandler) throw new Error('no window open handler');
      return openHandler({ url, frameName: '', features: '', disposition: 'new-window' });
    },
  };
}

function fakeSession() {
  const handlers: {
    request?: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    check?: (...args: unknown[]) => boolean;
    device?: (...args: unknown[]) => boolean;
  } = {};
  const target = {
    setPermissionRequestHandler: vi.fn((handler: typeof handlers.request) => {
      handlers.request = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: typeof handlers.check) => {
      handlers.check = handler;
    }),
    setDevicePermissionHandler: vi.fn((handler: typeof handlers.device) => {
      handlers.device = handler;
    }),
  };
  return { session: target as unknown as Session, handlers };
}

const UNSAFE_URLS = [
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://intersession/index.html',
  'ms-msdt:/id PCWDiagnostic',
  'smb://host/share',
  'not a url',
];

beforeEach(() => {
  vi.clearAllMocks();
  electron.appListeners.clear();
});

describe('isWebUrl', () => {
  it('accepts only http and https', () => {
    expect(isWebUrl('https://www.intgovforum.org/')).toBe(true);
    expect(isWebUrl('http://example.org/a?b#c')).toBe(true);
    for (const url of UNSAFE_URLS) expect(isWebUrl(url)).toBe(false);
  });
});

describe('openWebLink', () => {
  it('hands http(s) links to the system browser and refuses everything else', async () => {
    await expect(openWebLink('https://www.intgovforum.org')).resolves.toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith(
      'https://www.intgovforum.org/',
    );
    for (const url of UNSAFE_URLS) await expect(openWebLink(url)).resolves.toBe(false);
    expect(electron.shell.openExternal).toHaveBeenCalledOnce();
  });
});

describe('hardenWebContents', () => {
  it('prevents every navigation and hands only web links to the browser', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, openExternal);

    for (const url of ['https://evil.example/', ...UNSAFE_URLS]) {
      const event = { preventDefault: vi.fn() };
      fake.emit('will-navigate', event, url);
      expect(event.preventDefault).toHaveBeenCalledOnce();
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://evil.example/');
  });

  it('denies window.open; http(s) goes to openExternal, file: and javascript: do not', () => {
    const openExternal = vi.fn(() => Promise.resolve());
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, openExternal);

    expect(fake.open('https://www.intgovforum.org/')).toEqual({ action: 'deny' });
    expect(fake.open('http://example.org/')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([
      ['https://www.intgovforum.org/'],
      ['http://example.org/'],
    ]);

    openExternal.mockClear();
    for (const url of UNSAFE_URLS) expect(fake.open(url)).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('prevents attaching a <webview>', () => {
    const fake = fakeWebContents();
    hardenWebContents(
      fake.contents,
      vi.fn(() => Promise.resolve()),
    );
    const event = { preventDefault: vi.fn() };
    fake.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });

  it('survives a browser that cannot be opened', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const fake = fakeWebContents();
    hardenWebContents(fake.contents, () => Promise.reject(new Error('no browser')));
    expect(fake.open('https://example.org/')).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(errors).toHaveBeenCalled());
    errors.mockRestore();
  });
});

describe('installWebContentsGuards', () => {
  it('hardens every web contents as it is created, using shell.openExternal', () => {
    installWebContentsGuards();
    const created = electron.appListeners.get('web-contents-created');
    expect(created).toBeDefined();
    const fake = fakeWebContents();
    created?.({}, fake.contents);
    expect(fake.open('https://example.org/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.org/');
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const { session, handlers } = fakeSession();
    denyAllPermissions(session);
    for (const permission of [
      'media',
      'notifications',
      'geolocation',
      'clipboard-read',
      'openExternal',
    ]) {
      const callback = vi.fn();
      handlers.request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(handlers.check?.({}, permission, 'app://intersession', {})).toBe(false);
    }
    expect(handlers.device?.({ deviceType: 'usb', origin: 'app://intersession' })).toBe(false);
  });

  it('applies to the default session and to sessions created later', () => {
    const defaults = fakeSession();
    electron.session.defaultSession = defaults.session;
    installSessionGuards();
    expect(defaults.handlers.request).toBeDefined();
    expect(defaults.handlers.check).toBeDefined();

    const later = fakeSession();
    electron.appListeners.get('session-created')?.(later.session);
    const callback = vi.fn();
    later.handlers.request?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
  });
});
