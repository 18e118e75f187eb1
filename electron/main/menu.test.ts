import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: {}, BrowserWindow: {}, dialog: {}, Menu: {} }));

import { buildMenuTemplate } from './menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('app menu', () => {
  it('offers reload and developer tools only in development', () => {
    const release = roles(buildMenuTemplate({ isDev: false, platform: 'linux', onAbout: vi.fn() }));
    expect(release).not.toContain('reload');
    expect(release).not.toContain('forceReload');
    expect(release).not.toContain('toggleDevTools');
    expect(release).toEqual(expect.arrayContaining(['quit', 'copy', 'paste', 'selectAll']));

    const dev = roles(buildMenuTemplate({ isDev: true, platform: 'linux', onAbout: vi.fn() }));
    expect(dev).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('has File, Edit, View and Help, with About calling back', () => {
    const onAbout = vi.fn();
    const template = buildMenuTemplate({ isDev: false, platform: 'win32', onAbout });
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
    const help = template[3].submenu as MenuItemConstructorOptions[];
    help[0].click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledOnce();
  });

  it('adds the application menu on macOS', () => {
    const template = buildMenuTemplate({ isDev: false, platform: 'darwin', onAbout: vi.fn() });
    expect(template[0].role).toBe('appMenu');
  });
});
