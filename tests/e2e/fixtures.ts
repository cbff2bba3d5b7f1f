// Every test gets a fresh data folder with its own host, and a page whose CSP violations and
// uncaught errors fail the test: the strict policy is only worth having if nothing relies on breaking it.
import { test as base, expect, type Page } from '@playwright/test';
import { Host } from './host';

interface Fixtures {
  host: Host;
  /** Problems seen on the page (CSP violations, uncaught errors); checked after every test. */
  pageProblems: string[];
}

export const test = base.extend<Fixtures>({
  host: async ({}, use) => {
    const host = new Host();
    await host.start();
    try {
      await use(host);
    } finally {
      await host.stop();
      host.remove();
    }
  },
  pageProblems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, pageProblems }, use) => {
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
      });
    });
    page.on('console', (m) => {
      const text = m.text();
      if (/Content Security Policy|CSP violation/i.test(text)) pageProblems.push(text);
    });
    page.on('pageerror', (e) => pageProblems.push(`页面错误：${e.message}`));
    await use(page);
    expect(pageProblems, '页面上不应出现 CSP 违规或未捕获的错误').toEqual([]);
  },
});

export { expect };
export type { Page };
