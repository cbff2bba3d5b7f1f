// Paper layouts (`#/print/<register>/…`): no menu, no header, print CSS only. The desktop host loads
// these routes in a hidden window for printToPDF; browsers use window.print(); tests use page.pdf().
import { Route, Routes } from 'react-router';
import { registers } from '../features/registry';
import { RegisterPrintPage } from '../print';
import { useSession } from './session';

export function PrintLayout() {
  const { phase } = useSession();
  if (phase.kind !== 'signedIn' || phase.locked) return null;
  return (
    <div className="print-root">
      <Routes>
        <Route path="register/:key" element={<RegisterPrintPage />} />
        <Route path="archive/:key" element={<RegisterPrintPage archive />} />
        {registers.map((r) => (r.Print ? <Route key={r.key} path={`${r.key}/*`} element={<r.Print />} /> : null))}
      </Routes>
    </div>
  );
}
