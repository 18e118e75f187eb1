import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const electron = vi.hoisted(() => {
  const appListeners = new Map<string, (...args: unknown[]) => unknown>();
  const windows: FakeWindow[] = [];
  class FakeWindow {
    static getAllWindows = () => windows;
    static fromWebContents = () => null;
    readonly webContents = { id: windows.length + 1, isDestroyed: () => false, send: vi.fn() };
    readonly isDestroyed = () => false;
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly once = vi.fn();
    readonly on = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      windows.push(this);
    }
  }
  const permissionHandlers = { request: vi.fn(), check: vi.fn(), device: vi.fn() };
  return {
    appListeners,
    windows,
    FakeWindow,
    module: {
      app: {
        isPackaged: true,
        enableSandbox: vi.fn(),
        requestSingleInstanceLock: vi.fn(() => true),
        quit: vi.fn(),
        exit: vi.fn(),
        on: vi.fn((name: string, listener: (...args: unknown[]) => unknown) => {
          appListeners.set(name, listener);
        }),
        whenReady: vi.fn(() => Promise.resolve()),
        getPath: vi.fn((name: string) => `/data/${name}`),
        getAppPath: vi.fn(() => '/opt/intersession'),
        getVersion: vi.fn(() => '0.1.0'),
      },
      BrowserWindow: FakeWindow,
      protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
      session: {
        defaultSession: {
          setPermissionRequestHandler: permissionHandlers.request,
          setPermissionCheckHandler: permissionHandlers.check,
          setDevicePermissionHandler: permissionHandlers.device,
        },
      },
      shell: { openExternal: vi.fn() },
      ipcMain: { handle: vi.fn(), removeHandler: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
      dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn() },
      Menu: { buildFromTemplate: vi.fn(() => ({})), setApplicationMenu: vi.fn() },
    },
  };
});

const backend = vi.hoisted(() => {
  const eventListeners: ((event: unknown) => void)[] = [];
  const instance = {
    dispatch: vi.fn(),
    stop: vi.fn(() => Promise.resolve()),
    sessions: { resolve: vi.fn() },
    onEvent: vi.fn((l: (event: unknown) => void) => {
      eventListeners.push(l);
      return () => undefined;
    }),
  };
  return {
    instance,
    eventListeners,
    startBackendProcess: vi.fn((_opts: Record<string, unknown>) => Promise.resolve(instance)),
    defaultDbFile: vi.fn((dir?: string) => `${dir}/intersession.db`),
  };
});

vi.mock('electron', () => electron.module);
// The keystore has its own test (keystore.test.ts); here the key only has to be passed on.
const desktopKey = vi.hoisted(() => Buffer.alloc(32, 7));
vi.mock('./keystore', () => ({ loadOrCreateDesktopKey: vi.fn(() => desktopKey) }));
vi.mock('./backendProcess', () => ({ startBackendProcess: backend.startBackendProcess }));
vi.mock('../backend/dataFolder', () => ({ defaultDbFile: backend.defaultDbFile }));

async function loadMain(): Promise<void> {
  vi.resetModules();
  await import('./index');
  // Let `whenReady().then(start)` run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(() => {
  vi.clearAllMocks();
  backend.eventListeners.length = 0;
  electron.appListeners.clear();
  electron.windows.length = 0;
  electron.module.app.requestSingleInstanceLock.mockReturnValue(true);
  delete process.env.ELECTRON_RENDERER_URL;
});

describe('main process lifecycle', () => {
  it('quits at once when another instance holds the lock', async () => {
    electron.module.app.requestSingleInstanceLock.mockReturnValue(false);
    await loadMain();
    expect(electron.module.app.quit).toHaveBeenCalled();
    expect(electron.module.app.whenReady).not.toHaveBeenCalled();
    expect(backend.startBackendProcess).not.toHaveBeenCalled();
  });

  it('sets up sandbox, scheme and guards before ready, then backend, IPC and the window', async () => {
    await loadMain();
    expect(electron.module.app.enableSandbox).toHaveBeenCalled();
    expect(electron.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(electron.appListeners.has('web-contents-created')).toBe(true);

    expect(backend.defaultDbFile).toHaveBeenCalledWith('/data/userData');
    expect(backend.startBackendProcess).toHaveBeenCalledWith(
      expect.objectContaining({
        dbFile: '/data/userData/intersession.db',
        entry: expect.stringMatching(/main[\\/]backend\.js$/),
        key: desktopKey,
      }),
    );
    expect(electron.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.module.ipcMain.handle).toHaveBeenCalledWith('rpc', expect.any(Function));
    expect(electron.module.ipcMain.on).toHaveBeenCalledWith('rpc-cancel', expect.any(Function));
    expect(electron.module.Menu.setApplicationMenu).toHaveBeenCalled();

    expect(electron.windows).toHaveLength(1);
    const [window] = electron.windows;
    expect(window.loadURL).toHaveBeenCalledWith('app://intersession/index.html');
    const prefs = window.options.webPreferences as Record<string, unknown>;
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/);
  });

  it('opens the database named by --db, like browser mode', async () => {
    const argv = process.argv;
    process.argv = [...argv, '--db', '/tmp/smoke/forum.db'];
    try {
      await loadMain();
    } finally {
      process.argv = argv;
    }
    expect(backend.startBackendProcess).toHaveBeenCalledWith(
      expect.objectContaining({ dbFile: expect.stringMatching(/smoke[\\/]forum\.db$/) }),
    );
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    await loadMain();
    expect(electron.windows[0].loadURL).toHaveBeenCalledWith('app://intersession/index.html');
  });

  it('closes the backend when the app quits', async () => {
    await loadMain();
    (electron.appListeners.get('will-quit') as Listener)();
    expect(backend.instance.stop).toHaveBeenCalledOnce();
  });

  it("forwards the backend's events to every window on the 'event' channel", async () => {
    await loadMain();
    const event = { kind: 'changed', method: 'forums.create', areas: ['forums'] };
    for (const l of backend.eventListeners) l(event);
    expect(electron.windows[0].webContents.send).toHaveBeenCalledWith('event', 'event', event);
  });

  it('reports a backend that cannot open and exits', async () => {
    backend.startBackendProcess.mockImplementationOnce(() =>
      Promise.reject(new Error('database is locked')),
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await loadMain();
    errors.mockRestore();
    expect(electron.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Intersession could not start',
      'database is locked',
    );
    expect(electron.module.app.exit).toHaveBeenCalledWith(1);
    expect(electron.windows).toHaveLength(0);
  });
});
