import { useEffect } from 'react';

/**
 * Tell whoever renders this page to paper that it is complete: the desktop's hidden print window
 * and the tests wait for `body[data-print-ready="1"]` before printing.
 */
export function usePrintReady(ready: boolean) {
  useEffect(() => {
    if (!ready) return;
    // Let fonts and layout settle before the page is taken.
    let cancelled = false;
    void document.fonts.ready.then(() => {
      if (cancelled) return;
      performance.mark('print:ready');
      document.body.dataset.printReady = '1';
    });
    return () => {
      cancelled = true;
      delete document.body.dataset.printReady;
    };
  }, [ready]);
}
