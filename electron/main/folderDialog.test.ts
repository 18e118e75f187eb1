import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  showOpenDialog: vi.fn(),
  fromWebContents: vi.fn(),
}));
vi.mock('electron', () => ({
  app: { getPath: () => '/home/user/Downloads' },
  BrowserWindow: { fromWebContents: electron.fromWebContents, getAllWindows: () => [] },
  dialog: { showOpenDialog: electron.showOpenDialog, showSaveDialog: vi.fn() },
  ipcMain: { handle: vi.fn(), removeHandler: vi.fn() },
  shell: { openExternal: vi.fn() },
}));

const { createAllShellMethods, createFolderDialogMethods } = await import('./folderDialog');

const event = { sender: { id: 7 } } as unknown as Electron.IpcMainInvokeEvent;
const win = { id: 'the window' };

beforeEach(() => {
  electron.showOpenDialog.mockReset();
  electron.fromWebContents.mockReset().mockReturnValue(win);
});

describe('shell.chooseFolder', () => {
  it("opens Electron's folder dialog on the calling window and returns the chosen folder", async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: ['/data/backups'] });
    const r = await createFolderDialogMethods()['shell.chooseFolder'](
      { defaultPath: '/data' },
      event,
    );
    expect(r).toEqual({ ok: true, value: { chosen: true, path: '/data/backups' } });
    expect(electron.fromWebContents).toHaveBeenCalledWith(event.sender);
    expect(electron.showOpenDialog).toHaveBeenCalledWith(
      win,
      expect.objectContaining({
        defaultPath: '/data',
        properties: ['openDirectory', 'createDirectory'],
      }),
    );
  });

  it('says nothing was chosen when the dialog is cancelled', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    electron.fromWebContents.mockReturnValue(null);
    const r = await createFolderDialogMethods()['shell.chooseFolder']({}, event);
    expect(r).toEqual({ ok: true, value: { chosen: false } });
    // No window: the dialog is opened without a parent.
    expect(electron.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({}));
    expect(electron.showOpenDialog.mock.calls[0]).toHaveLength(1);
  });

  it('refuses a starting folder that is not a full path, naming the field, without a dialog', async () => {
    for (const defaultPath of ['relative/path', 42, 'x'.repeat(1001)]) {
      const r = await createFolderDialogMethods()['shell.chooseFolder']({ defaultPath }, event);
      expect(r).toMatchObject({ ok: false, error: { code: 'validation', field: 'defaultPath' } });
      if (!r.ok) expect(r.error.message).toMatch(/^The starting folder must be .*\.$/);
    }
    expect(electron.showOpenDialog).not.toHaveBeenCalled();
  });

  it('is served next to the common shell methods', () => {
    const methods = createAllShellMethods();
    expect(Object.keys(methods)).toEqual(
      expect.arrayContaining(['shell.saveFile', 'shell.chooseFolder']),
    );
  });
});
