-- rebuilds-tables
-- 入库更正 (issue 27): an accepted purchase line whose quantity or price was keyed wrong is corrected by
-- the difference, posted to the stock ledger as 更正调增 / 更正调减 against the purchase line, so the
-- original 入库 stays as it was and every balance after it follows. A price typo moves value only, so
-- these two kinds may carry a quantity of 0. SQLite cannot change a CHECK in place: supply_movements
-- is rebuilt by the documented procedure (new table, copy, drop, rename, indexes and triggers again);
-- ids are kept, so the contentless full-text index still points at the right rows.
CREATE TABLE supply_movements_rebuilt (
  id                  INTEGER PRIMARY KEY,
  item_id             INTEGER NOT NULL REFERENCES supply_items(id),
  kind                TEXT NOT NULL CHECK (kind IN ('in', 'issue', 'return', 'gain', 'loss', 'correctUp', 'correctDown')),
  dir                 INTEGER NOT NULL CHECK (dir IN (1, -1)),
  moved_on            TEXT NOT NULL CHECK (moved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  -- A correction may move value only (a price typo): its quantity is then 0.
  qty                 INTEGER NOT NULL CHECK (qty > 0 OR (qty = 0 AND kind IN ('correctUp', 'correctDown') AND amount > 0)),
  amount              INTEGER NOT NULL CHECK (amount >= 0),
  -- The running balance after this movement.
  balance_qty         INTEGER NOT NULL CHECK (balance_qty >= 0),
  balance_amount      INTEGER NOT NULL CHECK (balance_amount >= 0),
  purchase_id         INTEGER REFERENCES supply_purchases(id),
  purchase_line_id    INTEGER REFERENCES supply_purchase_lines(id),
  requisition_id      INTEGER REFERENCES supply_requisitions(id),
  requisition_line_id INTEGER REFERENCES supply_requisition_lines(id),
  stocktake_id        INTEGER REFERENCES supply_stocktakes(id),
  source_id           INTEGER REFERENCES supply_movements(id),
  recipient_id        INTEGER REFERENCES users(id),
  recipient_name      TEXT NOT NULL DEFAULT '',
  department          TEXT NOT NULL DEFAULT '',
  approved_by         TEXT NOT NULL DEFAULT '',
  handled_by_id       INTEGER REFERENCES users(id),
  handled_by_name     TEXT NOT NULL DEFAULT '',
  note                TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 300),
  returned_qty        INTEGER NOT NULL DEFAULT 0 CHECK (returned_qty >= 0),
  recorded_by_id      INTEGER NOT NULL REFERENCES users(id),
  recorded_at         TEXT NOT NULL,
  CHECK ((kind IN ('in', 'return', 'gain', 'correctUp')) = (dir = 1)),
  -- Each kind carries its document: 入库 its purchase, 领用 an approved requisition with recipient
  -- and issuer, 退库 the issue it returns, 盘盈/盘亏 the stocktake.
  CHECK (kind NOT IN ('in', 'correctUp', 'correctDown') OR purchase_line_id IS NOT NULL),
  CHECK (kind <> 'issue' OR (requisition_line_id IS NOT NULL AND recipient_id IS NOT NULL AND handled_by_id IS NOT NULL AND length(approved_by) > 0)),
  CHECK (kind <> 'return' OR source_id IS NOT NULL),
  CHECK (kind NOT IN ('gain', 'loss') OR stocktake_id IS NOT NULL),
  CHECK (kind = 'issue' OR returned_qty = 0),
  CHECK (returned_qty <= qty)
) STRICT;

INSERT INTO supply_movements_rebuilt (id, item_id, kind, dir, moved_on, qty, amount, balance_qty, balance_amount, purchase_id, purchase_line_id, requisition_id, requisition_line_id, stocktake_id, source_id, recipient_id, recipient_name, department, approved_by, handled_by_id, handled_by_name, note, returned_qty, recorded_by_id, recorded_at)
  SELECT id, item_id, kind, dir, moved_on, qty, amount, balance_qty, balance_amount, purchase_id, purchase_line_id, requisition_id, requisition_line_id, stocktake_id, source_id, recipient_id, recipient_name, department, approved_by, handled_by_id, handled_by_name, note, returned_qty, recorded_by_id, recorded_at FROM supply_movements;
DROP TABLE supply_movements;
ALTER TABLE supply_movements_rebuilt RENAME TO supply_movements;
CREATE INDEX supply_movements_date ON supply_movements(moved_on, id);
CREATE INDEX supply_movements_item ON supply_movements(item_id, moved_on, id);
CREATE INDEX supply_movements_kind ON supply_movements(kind, moved_on, id);
CREATE INDEX supply_movements_recipient ON supply_movements(recipient_id, moved_on, id) WHERE recipient_id IS NOT NULL;
CREATE INDEX supply_movements_department ON supply_movements(department, moved_on, id) WHERE department <> '';
CREATE INDEX supply_movements_requisition ON supply_movements(requisition_id) WHERE requisition_id IS NOT NULL;
CREATE INDEX supply_movements_purchase ON supply_movements(purchase_id) WHERE purchase_id IS NOT NULL;
CREATE INDEX supply_movements_stocktake ON supply_movements(stocktake_id) WHERE stocktake_id IS NOT NULL;
CREATE INDEX supply_movements_source ON supply_movements(source_id) WHERE source_id IS NOT NULL;
CREATE INDEX supply_movements_purchase_line ON supply_movements(purchase_line_id) WHERE purchase_line_id IS NOT NULL;

CREATE TRIGGER supply_movements_fts_insert AFTER INSERT ON supply_movements BEGIN
  INSERT INTO supply_movements_fts (rowid, body) VALUES (NEW.id, NEW.recipient_name || ' ' || NEW.department || ' ' || NEW.note);
END;

-- Movements are posted in date order per item, and each carries the balance it leaves.
CREATE TRIGGER supply_movements_in_order BEFORE INSERT ON supply_movements
WHEN NEW.moved_on < (SELECT last_moved_on FROM supply_balances WHERE item_id = NEW.item_id)
BEGIN
  SELECT RAISE(ABORT, '出入库须按日期顺序登记：该物品已有更晚日期的业务');
END;
CREATE TRIGGER supply_movements_balance_follows BEFORE INSERT ON supply_movements
WHEN NEW.balance_qty IS NOT (SELECT qty + NEW.dir * NEW.qty FROM supply_balances WHERE item_id = NEW.item_id)
  OR NEW.balance_amount IS NOT (SELECT amount + NEW.dir * NEW.amount FROM supply_balances WHERE item_id = NEW.item_id)
BEGIN
  SELECT RAISE(ABORT, '结存与出入库流水不一致');
END;
-- 领用 only against an approved requisition (先审批后执行).
CREATE TRIGGER supply_movements_issue_approved BEFORE INSERT ON supply_movements
WHEN NEW.kind = 'issue' AND (SELECT state FROM supply_requisitions WHERE id = NEW.requisition_id) NOT IN ('approved', 'partial')
BEGIN
  SELECT RAISE(ABORT, '领用单未经批准，不能发放');
END;
-- The balance moves with the movement; its CHECKs refuse a negative stock.
CREATE TRIGGER supply_movements_post AFTER INSERT ON supply_movements BEGIN
  UPDATE supply_balances
     SET qty = qty + NEW.dir * NEW.qty,
         amount = amount + NEW.dir * NEW.amount,
         moves = moves + 1,
         last_moved_on = NEW.moved_on,
         last_unit_cost = CASE WHEN NEW.kind = 'in' THEN (NEW.amount * 1000 + NEW.qty / 2) / NEW.qty ELSE last_unit_cost END
   WHERE item_id = NEW.item_id;
END;
CREATE TRIGGER supply_movements_immutable BEFORE UPDATE ON supply_movements
WHEN NEW.id IS NOT OLD.id OR NEW.item_id IS NOT OLD.item_id OR NEW.kind IS NOT OLD.kind OR NEW.dir IS NOT OLD.dir OR NEW.moved_on IS NOT OLD.moved_on
  OR NEW.qty IS NOT OLD.qty OR NEW.amount IS NOT OLD.amount OR NEW.balance_qty IS NOT OLD.balance_qty OR NEW.balance_amount IS NOT OLD.balance_amount
  OR NEW.recipient_id IS NOT OLD.recipient_id OR NEW.recipient_name IS NOT OLD.recipient_name OR NEW.approved_by IS NOT OLD.approved_by
  OR NEW.handled_by_id IS NOT OLD.handled_by_id OR NEW.source_id IS NOT OLD.source_id OR NEW.note IS NOT OLD.note
  OR NEW.requisition_id IS NOT OLD.requisition_id OR NEW.purchase_id IS NOT OLD.purchase_id OR NEW.stocktake_id IS NOT OLD.stocktake_id
  OR NEW.returned_qty < OLD.returned_qty
BEGIN
  SELECT RAISE(ABORT, '出入库记录不可修改；错发请办理退库，账实不符请盘点');
END;
CREATE TRIGGER supply_movements_no_delete BEFORE DELETE ON supply_movements BEGIN
  SELECT RAISE(ABORT, '出入库记录不可删除');
END;

-- The record of each correction: the line's accepted quantity and amount before and after, why, when.
-- The purchase line itself is never changed after acceptance; its current values are its latest
-- correction's, else its own.
CREATE TABLE supply_accept_corrections (
  id                INTEGER PRIMARY KEY,
  purchase_id       INTEGER NOT NULL REFERENCES supply_purchases(id),
  purchase_line_id  INTEGER NOT NULL REFERENCES supply_purchase_lines(id),
  corrected_on      TEXT NOT NULL CHECK (corrected_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  before_qty        INTEGER NOT NULL CHECK (before_qty >= 0),
  before_amount     INTEGER NOT NULL CHECK (before_amount >= 0),
  after_qty         INTEGER NOT NULL CHECK (after_qty >= 0),
  after_amount      INTEGER NOT NULL CHECK (after_amount >= 0),
  -- The part of the value difference that fell on stock already issued (the balance cannot hold value
  -- without quantity, nor go below zero): stated on the record, not posted to the ledger.
  unposted_amount   INTEGER NOT NULL DEFAULT 0,
  reason            TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 2 AND 300),
  recorded_by_id    INTEGER NOT NULL REFERENCES users(id),
  created_at        TEXT NOT NULL,
  CHECK (before_qty <> after_qty OR before_amount <> after_amount)
) STRICT;
CREATE INDEX supply_accept_corrections_line ON supply_accept_corrections(purchase_line_id, id);
CREATE INDEX supply_accept_corrections_purchase ON supply_accept_corrections(purchase_id, id);
CREATE TRIGGER supply_accept_corrections_fixed BEFORE UPDATE ON supply_accept_corrections BEGIN
  SELECT RAISE(ABORT, '入库更正记录不可修改');
END;
CREATE TRIGGER supply_accept_corrections_no_delete BEFORE DELETE ON supply_accept_corrections BEGIN
  SELECT RAISE(ABORT, '入库更正记录不可删除');
END;
CREATE TRIGGER supply_accept_corrections_accepted BEFORE INSERT ON supply_accept_corrections
  WHEN (SELECT state FROM supply_purchases WHERE id = NEW.purchase_id) IS NOT 'accepted'
BEGIN
  SELECT RAISE(ABORT, '只有已验收的采购单才能更正入库');
END;
