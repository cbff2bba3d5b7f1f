-- 红字冲销 of a paid reimbursement (issue 27): the one path from a mistake in a paid claim to a
-- correct record. The claim stays as it was paid; the reversal names it, is dated and carries the red
-- voucher's number, gives cash paid out of the petty-cash fund back to it, re-opens the part of an
-- advance it had settled, and releases its invoices so the corrected claim can be filed. Kept for ever.
CREATE TABLE expense_claim_reversals (
  id                    INTEGER PRIMARY KEY,
  claim_id              INTEGER NOT NULL UNIQUE REFERENCES expense_claims(id),
  reversed_on           TEXT NOT NULL CHECK (reversed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  voucher_no            TEXT NOT NULL CHECK (length(trim(voucher_no)) BETWEEN 1 AND 40),
  reason                TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 2 AND 300),
  cash_back_fen         INTEGER NOT NULL DEFAULT 0 CHECK (cash_back_fen >= 0),
  advance_reopened_fen  INTEGER NOT NULL DEFAULT 0 CHECK (advance_reopened_fen >= 0),
  recorded_by_id        INTEGER NOT NULL REFERENCES users(id),
  created_at            TEXT NOT NULL
) STRICT;
CREATE INDEX expense_claim_reversals_on ON expense_claim_reversals(reversed_on);
CREATE TRIGGER expense_claim_reversals_fixed BEFORE UPDATE ON expense_claim_reversals BEGIN
  SELECT RAISE(ABORT, '红字冲销记录不可修改');
END;
CREATE TRIGGER expense_claim_reversals_no_delete BEFORE DELETE ON expense_claim_reversals BEGIN
  SELECT RAISE(ABORT, '红字冲销记录不可删除');
END;
-- Only a paid claim is reversed.
CREATE TRIGGER expense_claim_reversals_paid BEFORE INSERT ON expense_claim_reversals
  WHEN (SELECT state FROM expense_claims WHERE id = NEW.claim_id) IS NOT 'paid'
BEGIN
  SELECT RAISE(ABORT, '只有已支付的报销单才能红字冲销');
END;
