// The native menu, in Chinese. PURE: returns a template; main.ts builds the Menu from it.
// Roles keep the platform's own accelerators and behaviour; labels are ours so nothing shows English.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuInput {
  isPackaged: boolean;
  onAbout: () => void;
}

export function buildMenuTemplate(input: MenuInput): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    { label: '重新加载', role: 'reload' },
    { type: 'separator' },
    { label: '放大', role: 'zoomIn' },
    { label: '缩小', role: 'zoomOut' },
    { label: '实际大小', role: 'resetZoom' },
    { type: 'separator' },
    { label: '全屏', role: 'togglefullscreen' },
  ];
  // Developer tools in an installed copy would let anyone at the desk run script in the app.
  if (!input.isPackaged) view.push({ type: 'separator' }, { label: '开发者工具', role: 'toggleDevTools' });

  return [
    { label: '文件', submenu: [{ label: '退出', role: 'quit' }] },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    { label: '视图', submenu: view },
    { label: '帮助', submenu: [{ label: '关于', click: () => input.onAbout() }] },
  ];
}

export function aboutText(info: { version: string; dataDir: string; electron: string }): string {
  return `办公室台账 ${info.version}\n\n数据文件夹：${info.dataDir}\nElectron ${info.electron}`;
}
