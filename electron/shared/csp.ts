// The one Content-Security-Policy for every way the renderer is served (desktop app:// and the
// loopback browser host). PURE: no electron, no node:* — both hosts import it.
//
// Why `style-src 'self'` can stay strict with antd v6 (checked in Chromium with this exact policy):
// antd's CSS-in-JS injects <style> elements at run time, which this policy blocks, and a per-launch
// nonce would not help the browser host's static files. So the renderer must not depend on runtime
// style injection:
//   import 'antd/dist/reset.css'; import 'antd/dist/antd.css';      // static sheets, served as files
//   <ConfigProvider theme={{ zeroRuntime: true, cssVar: { key: 'css-var-_R_0_' } }}>
//     (the key must match the selector antd.css declares its variables under; check it again
//      when antd is upgraded: grep -o '\.css-var-[^{ ,.]*' node_modules/antd/dist/antd.css)
//   message/modal/notification through App.useApp(), not the static `message.success()` helpers,
//   so they inherit that ConfigProvider; theme colours are overridden in our own .css file
//   (--ant-color-primary …), not through theme tokens.
// antd still inserts a few <style> elements at run time (CSS variables, scroll lock, scrollbar
// measure) and zod probes `new Function` once: renderer/csp-setup.ts sets zod to jitless and moves
// antd's own style elements (data-rc-order) out of the document, so the e2e tests can fail on every
// remaining violation.
// What remains blocked is antd re-injecting CSS it already has statically (harmless)
// and style *attributes* written as HTML text; React's `style={{…}}` goes through the CSSOM and is
// allowed. ECharts' HTML tooltips write style attributes into innerHTML: use
// `tooltip.renderMode: 'richText'` (drawn on the canvas) instead.
// Scripts never get 'unsafe-inline' or 'unsafe-eval'.

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY: string = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** Headers every renderer response carries, whichever host serves it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
