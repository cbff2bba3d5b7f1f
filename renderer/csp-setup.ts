// What the strict CSP (electron/desktop/csp.ts: no 'unsafe-eval', no inline styles) needs from the
// libraries, set up before anything renders or validates.
import { z } from 'zod';

// zod probes `new Function` once to decide whether to compile parsers; under this CSP the probe is
// reported as a violation even though zod catches it. Interpreted parsing is fast enough for forms.
z.config({ jitless: true });

/**
 * antd (zeroRuntime) and its rc-components still add <style> elements to <head> at run time: the
 * CSS variables antd.css already declares statically, the modal scroll lock, a scrollbar measurement.
 * The CSP blocks every one of them, so they never apply; the browser only reports each as a
 * violation. They are all inserted by @rc-component/util's dynamicCSS, which marks its elements with
 * `data-rc-order`. Those — and only those — are kept in a container outside the document instead:
 * the page looks and behaves exactly as under the blocking policy, and a real violation (anything
 * else) still shows up in the console and fails the e2e tests.
 */
const inert = document.createElement('div');
const isLibraryStyle = (n: Node): n is HTMLStyleElement => n instanceof HTMLStyleElement && n.hasAttribute('data-rc-order');

function divertLibraryStyles(head: HTMLHeadElement) {
  const append = head.appendChild.bind(head);
  const insert = head.insertBefore.bind(head);
  const remove = head.removeChild.bind(head);
  head.appendChild = <T extends Node>(node: T): T => (isLibraryStyle(node) ? inert.appendChild(node) : append(node));
  head.insertBefore = <T extends Node>(node: T, ref: Node | null): T =>
    isLibraryStyle(node) ? inert.insertBefore(node, ref?.parentNode === inert ? ref : null) : insert(node, ref);
  head.removeChild = <T extends Node>(node: T): T => (node.parentNode === inert ? inert.removeChild(node) : remove(node));
}

divertLibraryStyles(document.head);
