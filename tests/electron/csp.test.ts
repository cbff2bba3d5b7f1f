import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES, SECURITY_HEADERS } from '../../electron/shared/csp';
import { CSP } from '../../electron/desktop/window';

function directive(name: string): string[] {
  const found = CONTENT_SECURITY_POLICY.split(';')
    .map((d) => d.trim().split(/\s+/))
    .find(([n]) => n === name);
  return found ? found.slice(1) : [];
}

describe('content security policy', () => {
  it('is the policy SECURITY.md asks for, word for word', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
    expect(CSP).toBe(CONTENT_SECURITY_POLICY);
  });

  it('never allows eval or inline script anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-hashes');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(directive('script-src')).toEqual(["'self'"]);
  });

  it('loads nothing from the network or other schemes', () => {
    for (const [name, sources] of Object.entries(CSP_DIRECTIVES)) {
      for (const source of sources) expect(source, name).toMatch(/^('self'|'none'|data:|blob:)$/);
    }
    expect(directive('object-src')).toEqual(["'none'"]);
    expect(directive('frame-ancestors')).toEqual(["'none'"]);
    expect(directive('base-uri')).toEqual(["'none'"]);
  });

  it('travels with nosniff on every response', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
