-- Invoice numbers in one canonical form (issue 27): digits only, so 2543-2000-0000-1234-5678 and
-- ２５４３２０００００００１２３４５６７８ are the number 25432000000012345678 they are. The core stores
-- the canonical form (contract/expenses.ts canonicalInvoiceNo); these triggers refuse anything else on
-- any route, and refuse an invoice already on another live claim whatever its amount, so the unique
-- index compares canonical numbers.

-- Lines kept before this release: spaces, hyphens and full-width digits dropped where that makes no
-- clash with another live line (a clash is exactly the double claim this release stops: it is left as
-- typed for the auditor to see, not silently merged).
DROP TRIGGER expense_claim_lines_fixed;
CREATE TEMP TABLE invoice_canon AS
  SELECT id, amount_fen, active,
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(
    replace(replace(replace(replace(replace(invoice_no, ' ', ''), '-', ''), '　', ''), '－', ''), '.', ''),
    '０', '0'), '１', '1'), '２', '2'), '３', '3'), '４', '4'), '５', '5'), '６', '6'), '７', '7'), '８', '8'), '９', '9') AS canon
  FROM expense_claim_lines;
UPDATE expense_claim_lines SET invoice_no = (SELECT canon FROM invoice_canon c WHERE c.id = expense_claim_lines.id)
  WHERE invoice_no <> (SELECT canon FROM invoice_canon c WHERE c.id = expense_claim_lines.id)
    AND NOT EXISTS (
      SELECT 1 FROM invoice_canon me JOIN invoice_canon other
        ON other.canon = me.canon AND other.amount_fen = me.amount_fen AND other.id <> me.id AND other.active = 1
      WHERE me.id = expense_claim_lines.id AND me.active = 1);
DROP TABLE invoice_canon;
CREATE TRIGGER expense_claim_lines_fixed BEFORE UPDATE ON expense_claim_lines
  WHEN NEW.invoice_no IS NOT OLD.invoice_no OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.claim_id IS NOT OLD.claim_id OR (OLD.active = 0 AND NEW.active = 1)
BEGIN
  SELECT RAISE(ABORT, '发票明细不可修改');
END;

CREATE TRIGGER expense_claim_lines_canonical BEFORE INSERT ON expense_claim_lines
  WHEN NEW.invoice_no GLOB '*[^0-9]*' OR length(NEW.invoice_no) NOT IN (18, 20)
BEGIN
  SELECT RAISE(ABORT, '发票号码须为规范形式（18 或 20 位数字）');
END;
CREATE TRIGGER expense_claim_lines_once BEFORE INSERT ON expense_claim_lines
  WHEN NEW.active = 1 AND EXISTS (SELECT 1 FROM expense_claim_lines o WHERE o.invoice_no = NEW.invoice_no AND o.active = 1 AND o.claim_id <> NEW.claim_id)
BEGIN
  SELECT RAISE(ABORT, '该发票已在其他报销单中报销，不能重复报销');
END;
