import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutText, buildMenuTemplate } from '../../electron/desktop/menu';

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.label ? [item.label] : []),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

const HAN = /^[\u4e00-\u9fff]+$/;

describe('native menu', () => {
  it('is entirely in Chinese with the usual entries', () => {
    const template = buildMenuTemplate({ isPackaged: false, onAbout: () => {} });
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    const all = labels(template);
    for (const label of all) expect(label, label).toMatch(HAN);
    for (const label of ['退出', '撤销', '重做', '剪切', '复制', '粘贴', '全选', '重新加载', '放大', '缩小', '实际大小', '全屏', '开发者工具', '关于'])
      expect(all).toContain(label);
  });

  it('every role-less item that is not a separator does something', () => {
    let about = 0;
    const template = buildMenuTemplate({ isPackaged: true, onAbout: () => about++ });
    const help = template[3]!.submenu as MenuItemConstructorOptions[];
    (help[0]!.click as () => void)();
    expect(about).toBe(1);
  });

  it('has no developer tools in an installed copy', () => {
    const all = labels(buildMenuTemplate({ isPackaged: true, onAbout: () => {} }));
    expect(all).not.toContain('开发者工具');
    const roles = JSON.stringify(buildMenuTemplate({ isPackaged: true, onAbout: () => {} }));
    expect(roles).not.toContain('toggleDevTools');
  });

  it('about text names the version and data folder', () => {
    expect(aboutText({ version: '0.1.0', dataDir: '/d', electron: '41.7.1' })).toContain('数据文件夹：/d');
  });
});
