import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedAppUrl, isAllowedExternal, isTrustedSender, mimeType, resolveAppPath } from '../../electron/desktop/urls';

const ROOT = '/opt/office/build/out/renderer';

describe('resolveAppPath', () => {
  it('maps our files under the renderer folder', () => {
    expect(resolveAppPath(ROOT, 'app://office/index.html')).toBe(`${ROOT}/index.html`);
    expect(resolveAppPath(ROOT, 'app://office/assets/index-Abc123.js')).toBe(`${ROOT}/assets/index-Abc123.js`);
    expect(resolveAppPath(ROOT, 'app://office/assets/%E5%8D%B0%E7%AB%A0.svg')).toBe(`${ROOT}/assets/印章.svg`);
    expect(resolveAppPath(ROOT + '/', 'app://office/a.css')).toBe(`${ROOT}/a.css`);
  });

  it('serves index.html for the bare origin and ignores query and hash', () => {
    expect(resolveAppPath(ROOT, 'app://office/')).toBe(`${ROOT}/index.html`);
    expect(resolveAppPath(ROOT, 'app://office/#/print/seals')).toBe(`${ROOT}/index.html`);
    expect(resolveAppPath(ROOT, 'app://office/index.html?x=1#/home')).toBe(`${ROOT}/index.html`);
    expect(resolveAppPath(ROOT, 'app://office/index.html#/../../etc/passwd')).toBe(`${ROOT}/index.html`);
  });

  const nasty = [
    'app://office/../etc/passwd',
    'app://office/../../../../etc/passwd',
    'app://office/assets/../../secret',
    'app://office/./index.html',
    'app://office/%2e%2e/etc/passwd',
    'app://office/%2E%2E/%2E%2E/etc/passwd',
    'app://office/.%2e/etc/passwd',
    'app://office/%2e./etc/passwd',
    'app://office/..%2fetc%2fpasswd',
    'app://office/..%2Fetc%2Fpasswd',
    'app://office/..%5cwindows%5cwin.ini',
    'app://office/..\\..\\windows\\win.ini',
    'app://office/assets\\..\\..\\x',
    'app://office/%252e%252e/etc/passwd',
    'app://office/%c0%ae%c0%ae/etc/passwd',
    'app://office/%',
    'app://office/index.html%00.png',
    'app://office/index.html\0.png',
    'app://office//etc/passwd',
    'app://office/%2fetc%2fpasswd',
    'app://office/C:/Windows/win.ini',
    'app://office/C%3A%5CWindows%5Cwin.ini',
    'app://office/index.html:stream',
    'app://office/CON',
    'app://office/con.txt',
    'app://office/assets/NUL.js',
    'app://office/LPT1',
    'app://office/.. /x',
    'app://office/index.html.',
    'app://office/index.html%20',
    'app://office/assets/',
    'app://office/a%0ab',
    'app://office',
    'app://evil/index.html',
    'app://office.evil/index.html',
    'app://office:8080/index.html',
    'app://user@office/index.html',
    'file:///etc/passwd',
    'https://office/index.html',
    'app:office/index.html',
    '/etc/passwd',
    '../index.html',
    '',
  ];
  it.each(nasty)('refuses %j', (url) => {
    expect(resolveAppPath(ROOT, url)).toBeNull();
  });

  it('refuses non-strings and huge inputs', () => {
    expect(resolveAppPath(ROOT, undefined)).toBeNull();
    expect(resolveAppPath(ROOT, null)).toBeNull();
    expect(resolveAppPath(ROOT, { toString: () => 'app://office/index.html' })).toBeNull();
    expect(resolveAppPath(ROOT, `app://office/${'a/'.repeat(2000)}x`)).toBeNull();
  });

  it('keeps Windows paths inside the root too', () => {
    const root = 'C:\\Program Files\\办公室台账\\resources\\app.asar\\build\\out\\renderer';
    expect(resolveAppPath(root, 'app://office/assets/a.js', path.win32)).toBe(`${root}\\assets\\a.js`);
    for (const url of ['app://office/..%5C..%5Cx', 'app://office/C%3A/x', 'app://office/%2e%2e/x', 'app://office/aux'])
      expect(resolveAppPath(root, url, path.win32), url).toBeNull();
  });
});

describe('app URL, sender and external allow-lists', () => {
  it('recognises only app://office', () => {
    expect(isAllowedAppUrl('app://office/index.html')).toBe(true);
    expect(isAllowedAppUrl('app://office/index.html#/print/seals/register')).toBe(true);
    for (const url of [
      'app://office',
      'app://office.evil.com/index.html',
      'app://evil/index.html',
      'app://office:1/index.html',
      'app://a:b@office/index.html',
      'http://office/index.html',
      'https://app.office/',
      'file:///app/office/index.html',
      'devtools://devtools/bundled/inspector.html',
      'about:blank',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      '',
      undefined,
      42,
    ])
      expect(isAllowedAppUrl(url), String(url)).toBe(false);
  });

  it('trusts a sender frame only while it shows our pages', () => {
    expect(isTrustedSender('app://office/index.html#/home')).toBe(true);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('https://www.gov.cn/')).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });

  it('opens only https links to the allow-listed host', () => {
    expect(isAllowedExternal('https://www.gov.cn/')).toBe(true);
    expect(isAllowedExternal('https://www.gov.cn/zhengce/index.htm')).toBe(true);
    for (const url of [
      'http://www.gov.cn/',
      'https://www.gov.cn.evil.com/',
      'https://evil.com/?www.gov.cn',
      'https://www.gov.cn@evil.com/',
      'https://user:pw@www.gov.cn/',
      'https://www.gov.cn:8443/',
      'https://gov.cn/',
      'file:///C:/Windows/System32/calc.exe',
      'smb://server/share',
      'ms-settings:',
      'javascript:alert(1)',
      'app://office/index.html',
      'not a url',
      undefined,
    ])
      expect(isAllowedExternal(url), String(url)).toBe(false);
  });

  it('labels files so nosniff can do its job', () => {
    expect(mimeType('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeType('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('/x/font.woff2')).toBe('font/woff2');
    expect(mimeType('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
