// Paper layouts (`#/print/<register>/…`): no menu, no header, print CSS only. The desktop host loads
// these routes in a hidden window for printToPDF; browsers use window.print(); tests use page.pdf().
import { Route, Routes, useLocation } from 'react-router';
import { registers } from '../features/registry';
import { RegisterPrintPage } from '../print';
import { useSession } from './session';

export function PrintLayout() {
  const { phase } = useSession();
  const where = useLocation();
  if (phase.kind !== 'signedIn' || phase.locked) return null;
  // Keyed by the address: moving to another paper in the same tab starts that page afresh, so nothing
  // of the page before (its rows, its layout, its "ready to print") is ever printed as this one.
  return (
    <div className="print-root" key={`${where.pathname}?${where.search}`}>
      <Routes>
        <Route path="register/:key" element={<RegisterPrintPage />} />
        <Route path="archive/:key" element={<RegisterPrintPage archive />} />
        {registers.map((r) => (r.Print ? <Route key={r.key} path={`${r.key}/*`} element={<r.Print />} /> : null))}
      </Routes>
    </div>
  );
}
