-- 0060: office supplies and fixed assets (DOMAIN.md §3, issue 7).
-- Supplies: settings, the item catalogue, purchases with their 履约验收, the stock movements and a
-- balance per item that SQL itself keeps from the movements (never negative), requisitions and
-- stocktakes. Assets: cards, their movements, disposals and verifications (清查).
-- Quantities are integer thousandths (a 包 is 1000; 2.5 米 is 2500); money is integer 分.
-- Rules the core enforces are repeated here where SQL can state them cheaply.

-- Settings of both areas: one JSON value per key.
CREATE TABLE supply_settings (
  key            TEXT PRIMARY KEY CHECK (key IN ('assetThreshold', 'requisitionTiers', 'assetNumberPattern', 'disposalDecisionThreshold')),
  value          TEXT NOT NULL CHECK (json_valid(value)),
  updated_at     TEXT NOT NULL,
  updated_by_id  INTEGER REFERENCES users(id)
) STRICT;
INSERT INTO supply_settings (key, value, updated_at) VALUES
  ('assetThreshold', '100000', '2025-01-01T00:00:00.000+08:00'),
  ('requisitionTiers', '[{"minAmount":0,"steps":[{"name":"办公室审批","approverIds":[]}]},{"minAmount":100000,"steps":[{"name":"办公室审批","approverIds":[]},{"name":"分管领导审批","approverIds":[]}]}]', '2025-01-01T00:00:00.000+08:00'),
  ('assetNumberPattern', '"ZC-{year}-{seq:5}"', '2025-01-01T00:00:00.000+08:00'),
  ('disposalDecisionThreshold', '5000000', '2025-01-01T00:00:00.000+08:00');

-- ---- the item catalogue ----

CREATE TABLE supply_items (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL DEFAULT '' CHECK (length(code) <= 30),
  name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  spec           TEXT NOT NULL DEFAULT '' CHECK (length(spec) <= 100),
  unit           TEXT NOT NULL CHECK (length(trim(unit)) BETWEEN 1 AND 10),
  category       TEXT NOT NULL CHECK (length(trim(category)) BETWEEN 1 AND 30),
  reorder_level  INTEGER NOT NULL DEFAULT 0 CHECK (reorder_level >= 0),
  whole_unit     INTEGER NOT NULL DEFAULT 1 CHECK (whole_unit IN (0, 1)),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  remarks        TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  created_at     TEXT NOT NULL,
  created_by_id  INTEGER NOT NULL REFERENCES users(id),
  updated_at     TEXT NOT NULL,
  UNIQUE (name, spec),
  CHECK (whole_unit = 0 OR reorder_level % 1000 = 0)
) STRICT;
CREATE UNIQUE INDEX supply_items_code ON supply_items(code) WHERE code <> '';
CREATE INDEX supply_items_active ON supply_items(active, name);
CREATE INDEX supply_items_category ON supply_items(category, name);
CREATE TRIGGER supply_items_no_delete BEFORE DELETE ON supply_items BEGIN
  SELECT RAISE(ABORT, '物品不可删除，请停用');
END;

-- The balance of each item, kept by the movement triggers below: never negative, and no value
-- without quantity (the moving average takes the whole value with the last unit).
CREATE TABLE supply_balances (
  item_id         INTEGER PRIMARY KEY REFERENCES supply_items(id),
  qty             INTEGER NOT NULL DEFAULT 0 CHECK (qty >= 0),
  amount          INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
  moves           INTEGER NOT NULL DEFAULT 0,
  last_moved_on   TEXT,
  -- 分 per whole unit of the latest stock-in: values a 盘盈 when nothing is in stock.
  last_unit_cost  INTEGER,
  CHECK (qty > 0 OR amount = 0)
) STRICT;
CREATE TRIGGER supply_items_balance AFTER INSERT ON supply_items BEGIN
  INSERT INTO supply_balances (item_id) VALUES (NEW.id);
END;
CREATE TRIGGER supply_items_unit_fixed BEFORE UPDATE ON supply_items
WHEN (NEW.unit IS NOT OLD.unit OR NEW.whole_unit IS NOT OLD.whole_unit) AND (SELECT moves FROM supply_balances WHERE item_id = OLD.id) > 0
BEGIN
  SELECT RAISE(ABORT, '物品已有出入库记录，计量单位不可修改');
END;
CREATE TRIGGER supply_balances_no_delete BEFORE DELETE ON supply_balances BEGIN
  SELECT RAISE(ABORT, '库存结存不可删除');
END;

-- ---- procurement and acceptance ----

CREATE TABLE supply_purchases (
  id                    INTEGER PRIMARY KEY,
  year                  INTEGER NOT NULL,
  seq                   INTEGER NOT NULL,
  number                TEXT NOT NULL UNIQUE,
  channel               TEXT NOT NULL CHECK (channel IN ('emall', 'agreement', 'centralized', 'direct', 'other')),
  channel_reason        TEXT NOT NULL DEFAULT '' CHECK (length(channel_reason) <= 300),
  order_no              TEXT NOT NULL CHECK (length(trim(order_no)) BETWEEN 1 AND 60),
  supplier              TEXT NOT NULL CHECK (length(trim(supplier)) BETWEEN 1 AND 100),
  buyer_id              INTEGER NOT NULL REFERENCES users(id),
  buyer_name            TEXT NOT NULL,
  purchased_on          TEXT NOT NULL CHECK (purchased_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  funding_source        TEXT NOT NULL DEFAULT '',
  total                 INTEGER NOT NULL CHECK (total >= 0),
  remarks               TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  state                 TEXT NOT NULL DEFAULT 'ordered' CHECK (state IN ('ordered', 'accepted', 'void')),
  accepted_on           TEXT,
  result                TEXT CHECK (result IN ('pass', 'partial', 'fail')),
  accepted_total        INTEGER CHECK (accepted_total >= 0),
  problems              TEXT NOT NULL DEFAULT '',
  opinion               TEXT NOT NULL DEFAULT '',
  accept_recorded_by_id INTEGER REFERENCES users(id),
  accept_recorded_at    TEXT,
  void_reason           TEXT,
  voided_at             TEXT,
  voided_by_id          INTEGER REFERENCES users(id),
  recorded_by_id        INTEGER NOT NULL REFERENCES users(id),
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL,
  UNIQUE (year, seq),
  -- 电子卖场 by default; any other channel carries its reason.
  CHECK (channel = 'emall' OR length(trim(channel_reason)) >= 4),
  CHECK (state <> 'accepted' OR (accepted_on IS NOT NULL AND result IS NOT NULL AND accepted_total IS NOT NULL AND length(trim(opinion)) > 0)),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX supply_purchases_date ON supply_purchases(purchased_on, id);
CREATE INDEX supply_purchases_state ON supply_purchases(state, purchased_on, id);
CREATE INDEX supply_purchases_buyer ON supply_purchases(buyer_id, purchased_on, id);
CREATE INDEX supply_purchases_number ON supply_purchases(year, seq);
CREATE TRIGGER supply_purchases_no_delete BEFORE DELETE ON supply_purchases BEGIN
  SELECT RAISE(ABORT, '采购单不可删除，请作废并写明原因');
END;
CREATE TRIGGER supply_purchases_final BEFORE UPDATE ON supply_purchases
WHEN OLD.state IN ('accepted', 'void')
BEGIN
  SELECT RAISE(ABORT, '已验收或已作废的采购单不可修改');
END;
CREATE TRIGGER supply_purchases_identity BEFORE UPDATE ON supply_purchases
WHEN NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq OR NEW.number IS NOT OLD.number OR NEW.recorded_by_id IS NOT OLD.recorded_by_id OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, '采购单的编号不可修改');
END;

-- Who accepted (验收人): at least one who is not the buyer (trigger on acceptance below).
CREATE TABLE supply_acceptors (
  purchase_id  INTEGER NOT NULL REFERENCES supply_purchases(id),
  user_id      INTEGER NOT NULL REFERENCES users(id),
  name         TEXT NOT NULL,
  position     INTEGER NOT NULL,
  PRIMARY KEY (purchase_id, user_id)
) STRICT;
CREATE TRIGGER supply_acceptors_before_acceptance BEFORE INSERT ON supply_acceptors
WHEN (SELECT state FROM supply_purchases WHERE id = NEW.purchase_id) IS NOT 'ordered'
BEGIN
  SELECT RAISE(ABORT, '验收已完成，验收人不可更改');
END;
CREATE TRIGGER supply_acceptors_no_update BEFORE UPDATE ON supply_acceptors BEGIN
  SELECT RAISE(ABORT, '验收人记录不可修改');
END;
CREATE TRIGGER supply_acceptors_no_delete BEFORE DELETE ON supply_acceptors
WHEN (SELECT state FROM supply_purchases WHERE id = OLD.purchase_id) IS NOT 'ordered'
BEGIN
  SELECT RAISE(ABORT, '验收人记录不可删除');
END;
CREATE TRIGGER supply_purchases_acceptor_not_buyer BEFORE UPDATE OF state ON supply_purchases
WHEN NEW.state = 'accepted' AND NOT EXISTS (SELECT 1 FROM supply_acceptors WHERE purchase_id = NEW.id AND user_id <> NEW.buyer_id)
BEGIN
  SELECT RAISE(ABORT, '验收须有采购经办人以外的人员参加');
END;

CREATE TABLE supply_purchase_lines (
  id              INTEGER PRIMARY KEY,
  purchase_id     INTEGER NOT NULL REFERENCES supply_purchases(id),
  line_no         INTEGER NOT NULL CHECK (line_no >= 1),
  item_id         INTEGER REFERENCES supply_items(id),
  name            TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  spec            TEXT NOT NULL DEFAULT '',
  unit            TEXT NOT NULL CHECK (length(trim(unit)) BETWEEN 1 AND 10),
  qty             INTEGER NOT NULL CHECK (qty > 0),
  unit_price      INTEGER NOT NULL CHECK (unit_price >= 0),
  amount          INTEGER NOT NULL CHECK (amount >= 0),
  is_asset        INTEGER NOT NULL CHECK (is_asset IN (0, 1)),
  asset_category  TEXT,
  brand           TEXT NOT NULL DEFAULT '',
  model           TEXT NOT NULL DEFAULT '',
  accepted_qty    INTEGER,
  accepted_amount INTEGER,
  quality         TEXT CHECK (quality IN ('ok', 'defect', 'reject')),
  accept_note     TEXT NOT NULL DEFAULT '',
  UNIQUE (purchase_id, line_no),
  CHECK (is_asset = 1 OR item_id IS NOT NULL),
  CHECK (is_asset = 0 OR (qty % 1000 = 0 AND length(trim(coalesce(asset_category, ''))) > 0)),
  -- 实收合格数量 never exceeds the ordered quantity; 不合格 means nothing accepted.
  CHECK (accepted_qty IS NULL OR (accepted_qty BETWEEN 0 AND qty AND quality IS NOT NULL AND accepted_amount IS NOT NULL)),
  CHECK (quality IS NOT 'reject' OR accepted_qty = 0),
  CHECK (is_asset = 0 OR accepted_qty IS NULL OR accepted_qty % 1000 = 0)
) STRICT;
CREATE INDEX supply_purchase_lines_purchase ON supply_purchase_lines(purchase_id, line_no);
CREATE INDEX supply_purchase_lines_item ON supply_purchase_lines(item_id);
CREATE TRIGGER supply_purchase_lines_open BEFORE UPDATE ON supply_purchase_lines
WHEN OLD.accepted_qty IS NOT NULL OR (SELECT state FROM supply_purchases WHERE id = OLD.purchase_id) IS NOT 'ordered'
BEGIN
  SELECT RAISE(ABORT, '已验收的采购明细不可修改');
END;
CREATE TRIGGER supply_purchase_lines_insert_open BEFORE INSERT ON supply_purchase_lines
WHEN (SELECT state FROM supply_purchases WHERE id = NEW.purchase_id) IS NOT 'ordered'
BEGIN
  SELECT RAISE(ABORT, '已验收或已作废的采购单不能增加明细');
END;
CREATE TRIGGER supply_purchase_lines_no_delete BEFORE DELETE ON supply_purchase_lines
WHEN (SELECT state FROM supply_purchases WHERE id = OLD.purchase_id) IS NOT 'ordered'
BEGIN
  SELECT RAISE(ABORT, '已验收或已作废的采购明细不可删除');
END;

-- ---- requisitions ----

CREATE TABLE supply_requisitions (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  number          TEXT NOT NULL UNIQUE,
  requester_id    INTEGER NOT NULL REFERENCES users(id),
  requester_name  TEXT NOT NULL,
  department      TEXT NOT NULL DEFAULT '',
  requested_on    TEXT NOT NULL CHECK (requested_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  purpose         TEXT NOT NULL CHECK (length(trim(purpose)) BETWEEN 1 AND 200),
  est_amount      INTEGER NOT NULL CHECK (est_amount >= 0),
  -- The approval steps of the tier it fell into when made: [{name, approverIds}].
  steps           TEXT NOT NULL CHECK (json_valid(steps) AND json_array_length(steps) BETWEEN 1 AND 5),
  approved_steps  INTEGER NOT NULL DEFAULT 0 CHECK (approved_steps >= 0),
  approvers       TEXT NOT NULL DEFAULT '',
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'partial', 'issued', 'closed', 'rejected', 'void')),
  close_reason    TEXT,
  remarks         TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK (approved_steps <= json_array_length(steps)),
  -- 先审批后执行: nothing is issued before every step has approved.
  CHECK (state NOT IN ('approved', 'partial', 'issued', 'closed') OR approved_steps = json_array_length(steps)),
  CHECK (state NOT IN ('closed', 'void') OR length(trim(coalesce(close_reason, ''))) > 0)
) STRICT;
CREATE INDEX supply_requisitions_date ON supply_requisitions(requested_on, id);
CREATE INDEX supply_requisitions_state ON supply_requisitions(state, requested_on, id);
CREATE INDEX supply_requisitions_requester ON supply_requisitions(requester_id, requested_on, id);
CREATE INDEX supply_requisitions_department ON supply_requisitions(department, requested_on, id);
CREATE TRIGGER supply_requisitions_no_delete BEFORE DELETE ON supply_requisitions BEGIN
  SELECT RAISE(ABORT, '领用单不可删除，请作废并写明原因');
END;
CREATE TRIGGER supply_requisitions_final BEFORE UPDATE ON supply_requisitions
WHEN OLD.state IN ('issued', 'closed', 'rejected', 'void')
BEGIN
  SELECT RAISE(ABORT, '已办结的领用单不可修改');
END;
CREATE TRIGGER supply_requisitions_forward BEFORE UPDATE OF state ON supply_requisitions
WHEN NEW.state IS NOT OLD.state AND (OLD.state || '>' || NEW.state) NOT IN
  ('pending>approved', 'pending>rejected', 'pending>void', 'approved>partial', 'approved>issued', 'approved>void', 'partial>issued', 'partial>closed')
BEGIN
  SELECT RAISE(ABORT, '领用单的状态不能这样变更');
END;
CREATE TRIGGER supply_requisitions_identity BEFORE UPDATE ON supply_requisitions
WHEN NEW.number IS NOT OLD.number OR NEW.requester_id IS NOT OLD.requester_id OR NEW.requested_on IS NOT OLD.requested_on
  OR NEW.steps IS NOT OLD.steps OR NEW.est_amount IS NOT OLD.est_amount OR NEW.approved_steps < OLD.approved_steps
BEGIN
  SELECT RAISE(ABORT, '领用单的编号、领用人和审批环节不可修改');
END;

CREATE TABLE supply_requisition_lines (
  id              INTEGER PRIMARY KEY,
  requisition_id  INTEGER NOT NULL REFERENCES supply_requisitions(id),
  line_no         INTEGER NOT NULL,
  item_id         INTEGER NOT NULL REFERENCES supply_items(id),
  qty             INTEGER NOT NULL CHECK (qty > 0),
  issued_qty      INTEGER NOT NULL DEFAULT 0 CHECK (issued_qty >= 0),
  UNIQUE (requisition_id, line_no),
  UNIQUE (requisition_id, item_id),
  -- Never more issued than was requested and approved.
  CHECK (issued_qty <= qty)
) STRICT;
CREATE INDEX supply_requisition_lines_item ON supply_requisition_lines(item_id);
CREATE TRIGGER supply_requisition_lines_forward BEFORE UPDATE ON supply_requisition_lines
WHEN NEW.qty IS NOT OLD.qty OR NEW.item_id IS NOT OLD.item_id OR NEW.issued_qty < OLD.issued_qty
BEGIN
  SELECT RAISE(ABORT, '领用明细不可修改，已发放数量只增不减');
END;
CREATE TRIGGER supply_requisition_lines_no_delete BEFORE DELETE ON supply_requisition_lines BEGIN
  SELECT RAISE(ABORT, '领用明细不可删除');
END;

-- ---- stocktakes ----

CREATE TABLE supply_stocktakes (
  id               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  number           TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 60),
  counted_on       TEXT NOT NULL CHECK (counted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  counted_by_id    INTEGER REFERENCES users(id),
  counted_by_name  TEXT,
  checked_by_id    INTEGER REFERENCES users(id),
  checked_by_name  TEXT,
  state            TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'confirmed', 'void')),
  confirmed_at     TEXT,
  confirmed_by_id  INTEGER REFERENCES users(id),
  void_reason      TEXT,
  remarks          TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  recorded_by_id   INTEGER NOT NULL REFERENCES users(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (year, seq),
  -- Counted by one, checked by another.
  CHECK (counted_by_id IS NULL OR checked_by_id IS NULL OR counted_by_id <> checked_by_id),
  CHECK (state <> 'confirmed' OR (counted_by_id IS NOT NULL AND checked_by_id IS NOT NULL AND confirmed_at IS NOT NULL)),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX supply_stocktakes_date ON supply_stocktakes(counted_on, id);
CREATE INDEX supply_stocktakes_state ON supply_stocktakes(state, counted_on, id);
CREATE TRIGGER supply_stocktakes_no_delete BEFORE DELETE ON supply_stocktakes BEGIN
  SELECT RAISE(ABORT, '盘点表不可删除，请作废并写明原因');
END;
CREATE TRIGGER supply_stocktakes_final BEFORE UPDATE ON supply_stocktakes
WHEN OLD.state IN ('confirmed', 'void')
BEGIN
  SELECT RAISE(ABORT, '已确认或已作废的盘点表不可修改');
END;

CREATE TABLE supply_stocktake_lines (
  id            INTEGER PRIMARY KEY,
  stocktake_id  INTEGER NOT NULL REFERENCES supply_stocktakes(id),
  item_id       INTEGER NOT NULL REFERENCES supply_items(id),
  book_qty      INTEGER NOT NULL CHECK (book_qty >= 0),
  book_amount   INTEGER NOT NULL CHECK (book_amount >= 0),
  -- The item's movement count when the book was taken: a later movement makes the sheet stale.
  book_moves    INTEGER NOT NULL,
  counted_qty   INTEGER CHECK (counted_qty >= 0),
  reason        TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 200),
  UNIQUE (stocktake_id, item_id)
) STRICT;
CREATE INDEX supply_stocktake_lines_item ON supply_stocktake_lines(item_id);
CREATE TRIGGER supply_stocktake_lines_open BEFORE UPDATE ON supply_stocktake_lines
WHEN (SELECT state FROM supply_stocktakes WHERE id = OLD.stocktake_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, '已确认的盘点表不可修改');
END;
CREATE TRIGGER supply_stocktake_lines_insert_open BEFORE INSERT ON supply_stocktake_lines
WHEN (SELECT state FROM supply_stocktakes WHERE id = NEW.stocktake_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, '已确认的盘点表不可修改');
END;
CREATE TRIGGER supply_stocktake_lines_no_delete BEFORE DELETE ON supply_stocktake_lines BEGIN
  SELECT RAISE(ABORT, '盘点明细不可删除');
END;

-- ---- the stock movements ----

CREATE TABLE supply_movements (
  id                  INTEGER PRIMARY KEY,
  item_id             INTEGER NOT NULL REFERENCES supply_items(id),
  kind                TEXT NOT NULL CHECK (kind IN ('in', 'issue', 'return', 'gain', 'loss')),
  dir                 INTEGER NOT NULL CHECK (dir IN (1, -1)),
  moved_on            TEXT NOT NULL CHECK (moved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  qty                 INTEGER NOT NULL CHECK (qty > 0),
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
  CHECK ((kind IN ('in', 'return', 'gain')) = (dir = 1)),
  -- Each kind carries its document: 入库 its purchase, 领用 an approved requisition with recipient
  -- and issuer, 退库 the issue it returns, 盘盈/盘亏 the stocktake.
  CHECK (kind <> 'in' OR purchase_line_id IS NOT NULL),
  CHECK (kind <> 'issue' OR (requisition_line_id IS NOT NULL AND recipient_id IS NOT NULL AND handled_by_id IS NOT NULL AND length(approved_by) > 0)),
  CHECK (kind <> 'return' OR source_id IS NOT NULL),
  CHECK (kind NOT IN ('gain', 'loss') OR stocktake_id IS NOT NULL),
  CHECK (kind = 'issue' OR returned_qty = 0),
  CHECK (returned_qty <= qty)
) STRICT;
CREATE INDEX supply_movements_date ON supply_movements(moved_on, id);
CREATE INDEX supply_movements_item ON supply_movements(item_id, moved_on, id);
CREATE INDEX supply_movements_kind ON supply_movements(kind, moved_on, id);
CREATE INDEX supply_movements_recipient ON supply_movements(recipient_id, moved_on, id) WHERE recipient_id IS NOT NULL;
CREATE INDEX supply_movements_department ON supply_movements(department, moved_on, id) WHERE department <> '';
CREATE INDEX supply_movements_requisition ON supply_movements(requisition_id) WHERE requisition_id IS NOT NULL;
CREATE INDEX supply_movements_purchase ON supply_movements(purchase_id) WHERE purchase_id IS NOT NULL;
CREATE INDEX supply_movements_stocktake ON supply_movements(stocktake_id) WHERE stocktake_id IS NOT NULL;
CREATE INDEX supply_movements_source ON supply_movements(source_id) WHERE source_id IS NOT NULL;

-- Free text over who and why (3+ characters; the item is matched through the catalogue, shorter terms
-- through indexed columns). Movements are never changed or deleted, so the index only grows.
CREATE VIRTUAL TABLE supply_movements_fts USING fts5(body, content = '', tokenize = 'trigram');
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

-- ---- fixed assets ----

CREATE TABLE asset_cards (
  id               INTEGER PRIMARY KEY,
  number           TEXT NOT NULL UNIQUE CHECK (length(trim(number)) BETWEEN 1 AND 40),
  year             INTEGER NOT NULL,
  seq              INTEGER,
  name             TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 60),
  category         TEXT NOT NULL CHECK (length(trim(category)) BETWEEN 1 AND 40),
  brand            TEXT NOT NULL DEFAULT '',
  model            TEXT NOT NULL DEFAULT '',
  serial_no        TEXT NOT NULL DEFAULT '',
  original_value   INTEGER NOT NULL CHECK (original_value >= 0),
  funding_source   TEXT NOT NULL DEFAULT '',
  purchase_method  TEXT NOT NULL DEFAULT '',
  purchased_on     TEXT NOT NULL CHECK (purchased_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  booked_on        TEXT NOT NULL CHECK (booked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  supplier         TEXT NOT NULL DEFAULT '',
  department       TEXT NOT NULL DEFAULT '',
  user_id          INTEGER REFERENCES users(id),
  user_name        TEXT NOT NULL DEFAULT '',
  location         TEXT NOT NULL DEFAULT '',
  status           TEXT NOT NULL CHECK (status IN ('inUse', 'idle', 'repair', 'scrapped', 'lost')),
  -- The status to go back to after a repair (在用 or 闲置).
  before_repair    TEXT CHECK (before_repair IN ('inUse', 'idle')),
  purchase_line_id INTEGER REFERENCES supply_purchase_lines(id),
  -- The disposal that took it off the books (set when executed), and one that is still open.
  disposal_id      INTEGER REFERENCES asset_disposals(id),
  open_disposal_id INTEGER REFERENCES asset_disposals(id),
  imported         INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1)),
  remarks          TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  recorded_by_id   INTEGER NOT NULL REFERENCES users(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  -- 在用 means someone uses it.
  CHECK (status <> 'inUse' OR user_id IS NOT NULL OR department <> ''),
  CHECK (status <> 'repair' OR before_repair IS NOT NULL)
) STRICT;
CREATE INDEX asset_cards_number ON asset_cards(year, seq);
CREATE INDEX asset_cards_booked ON asset_cards(booked_on, id);
CREATE INDEX asset_cards_status ON asset_cards(status, number);
CREATE INDEX asset_cards_department ON asset_cards(department, number);
CREATE INDEX asset_cards_user ON asset_cards(user_id, number);
CREATE INDEX asset_cards_location ON asset_cards(location, number);
CREATE INDEX asset_cards_category ON asset_cards(category, number);
CREATE INDEX asset_cards_value ON asset_cards(original_value, id);
CREATE INDEX asset_cards_line ON asset_cards(purchase_line_id) WHERE purchase_line_id IS NOT NULL;
CREATE INDEX asset_cards_disposal ON asset_cards(disposal_id) WHERE disposal_id IS NOT NULL;
CREATE INDEX asset_cards_open_disposal ON asset_cards(open_disposal_id) WHERE open_disposal_id IS NOT NULL;
CREATE TRIGGER asset_cards_insert_on_books BEFORE INSERT ON asset_cards
WHEN NEW.status IN ('scrapped', 'lost') OR NEW.disposal_id IS NOT NULL OR NEW.open_disposal_id IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '新登记的资产只能是在用、闲置或维修状态');
END;
CREATE TRIGGER asset_cards_no_delete BEFORE DELETE ON asset_cards BEGIN
  SELECT RAISE(ABORT, '资产卡片不可删除，请办理处置');
END;
CREATE TRIGGER asset_cards_number_fixed BEFORE UPDATE ON asset_cards
WHEN NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq OR NEW.created_at IS NOT OLD.created_at
BEGIN
  SELECT RAISE(ABORT, '资产编号不可修改');
END;
CREATE TRIGGER asset_cards_disposed_final BEFORE UPDATE ON asset_cards
WHEN OLD.status = 'scrapped' OR (OLD.status = 'lost' AND (SELECT state FROM asset_disposals WHERE id = OLD.disposal_id) IS 'done')
BEGIN
  SELECT RAISE(ABORT, '已处置的资产卡片不可修改');
END;

CREATE TABLE asset_movements (
  id              INTEGER PRIMARY KEY,
  asset_id        INTEGER NOT NULL REFERENCES asset_cards(id),
  kind            TEXT NOT NULL CHECK (kind IN ('register', 'assign', 'transfer', 'return', 'repairStart', 'repairEnd', 'lose', 'find', 'dispose', 'amend', 'check')),
  moved_on        TEXT NOT NULL CHECK (moved_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  from_status     TEXT,
  to_status       TEXT NOT NULL,
  from_holder     TEXT NOT NULL DEFAULT '',
  to_holder       TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  cost            INTEGER CHECK (cost >= 0),
  detail          TEXT CHECK (detail IS NULL OR json_valid(detail)),
  disposal_id     INTEGER REFERENCES asset_disposals(id),
  check_id        INTEGER REFERENCES asset_checks(id),
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  recorded_at     TEXT NOT NULL
) STRICT;
CREATE INDEX asset_movements_asset ON asset_movements(asset_id, id);
CREATE INDEX asset_movements_date ON asset_movements(moved_on, id);
CREATE INDEX asset_movements_kind ON asset_movements(kind, moved_on, id);
CREATE TRIGGER asset_movements_no_update BEFORE UPDATE ON asset_movements BEGIN
  SELECT RAISE(ABORT, '资产变动记录不可修改');
END;
CREATE TRIGGER asset_movements_no_delete BEFORE DELETE ON asset_movements BEGIN
  SELECT RAISE(ABORT, '资产变动记录不可删除');
END;

CREATE TABLE asset_disposals (
  id                 INTEGER PRIMARY KEY,
  year               INTEGER NOT NULL,
  seq                INTEGER NOT NULL,
  number             TEXT NOT NULL UNIQUE,
  method             TEXT NOT NULL CHECK (method IN ('scrap', 'sale', 'donate', 'transfer', 'writeOff')),
  reason             TEXT NOT NULL CHECK (length(trim(reason)) BETWEEN 1 AND 500),
  applied_on         TEXT NOT NULL CHECK (applied_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  applicant_id       INTEGER NOT NULL REFERENCES users(id),
  applicant_name     TEXT NOT NULL,
  total_value        INTEGER NOT NULL CHECK (total_value >= 0),
  -- 三重一大: at or above the threshold a collective decision is cited — an item of the minutes
  -- register (decision_id) or, until it can be checked, the reference as written (decision_ref).
  decision_required  INTEGER NOT NULL CHECK (decision_required IN (0, 1)),
  decision_id        INTEGER,
  decision_ref       TEXT NOT NULL DEFAULT '',
  decision_label     TEXT,
  decision_verified  INTEGER NOT NULL DEFAULT 0 CHECK (decision_verified IN (0, 1)),
  state              TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'done', 'void')),
  approver_id        INTEGER REFERENCES users(id),
  approver_name      TEXT,
  approved_at        TEXT,
  approval_mode      TEXT CHECK (approval_mode IN ('cosign', 'paper')),
  executed_on        TEXT,
  proceeds           INTEGER CHECK (proceeds >= 0),
  executed_note      TEXT NOT NULL DEFAULT '',
  executed_by_id     INTEGER REFERENCES users(id),
  void_reason        TEXT,
  remarks            TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  recorded_by_id     INTEGER NOT NULL REFERENCES users(id),
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK (decision_required = 0 OR decision_id IS NOT NULL OR length(trim(decision_ref)) > 0),
  CHECK (decision_verified = 0 OR decision_id IS NOT NULL),
  -- Disposal needs approval: no execution without one on record.
  CHECK (state NOT IN ('approved', 'done', 'rejected') OR (approver_id IS NOT NULL AND approved_at IS NOT NULL AND approval_mode IS NOT NULL)),
  CHECK (state <> 'done' OR (executed_on IS NOT NULL AND executed_by_id IS NOT NULL)),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX asset_disposals_date ON asset_disposals(applied_on, id);
CREATE INDEX asset_disposals_state ON asset_disposals(state, applied_on, id);
CREATE TRIGGER asset_disposals_no_delete BEFORE DELETE ON asset_disposals BEGIN
  SELECT RAISE(ABORT, '处置申请不可删除，请作废并写明原因');
END;
-- Once settled, only the collective-decision link may still be completed (待集体决策核验 → 已核验).
CREATE TRIGGER asset_disposals_final BEFORE UPDATE ON asset_disposals
WHEN OLD.state IN ('done', 'rejected', 'void') AND (OLD.state <> 'done'
  OR NEW.state IS NOT OLD.state OR NEW.method IS NOT OLD.method OR NEW.reason IS NOT OLD.reason OR NEW.applied_on IS NOT OLD.applied_on
  OR NEW.total_value IS NOT OLD.total_value OR NEW.decision_required IS NOT OLD.decision_required OR NEW.approver_id IS NOT OLD.approver_id
  OR NEW.approved_at IS NOT OLD.approved_at OR NEW.approval_mode IS NOT OLD.approval_mode OR NEW.executed_on IS NOT OLD.executed_on
  OR NEW.proceeds IS NOT OLD.proceeds OR NEW.executed_note IS NOT OLD.executed_note OR NEW.executed_by_id IS NOT OLD.executed_by_id
  OR NEW.void_reason IS NOT OLD.void_reason OR NEW.decision_verified < OLD.decision_verified)
BEGIN
  SELECT RAISE(ABORT, '已办结的处置申请不可修改');
END;
CREATE TRIGGER asset_disposals_identity BEFORE UPDATE ON asset_disposals
WHEN NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq OR NEW.applicant_id IS NOT OLD.applicant_id
  OR NEW.total_value IS NOT OLD.total_value OR NEW.method IS NOT OLD.method OR NEW.created_at IS NOT OLD.created_at
  OR (OLD.approved_at IS NOT NULL AND (NEW.approver_id IS NOT OLD.approver_id OR NEW.approved_at IS NOT OLD.approved_at))
BEGIN
  SELECT RAISE(ABORT, '处置申请的编号、资产和审批结论不可修改');
END;
CREATE TRIGGER asset_disposals_forward BEFORE UPDATE OF state ON asset_disposals
WHEN NEW.state IS NOT OLD.state AND (OLD.state || '>' || NEW.state) NOT IN ('pending>approved', 'pending>rejected', 'pending>void', 'approved>done', 'approved>void')
BEGIN
  SELECT RAISE(ABORT, '处置申请的状态不能这样变更');
END;

CREATE TABLE asset_disposal_items (
  disposal_id  INTEGER NOT NULL REFERENCES asset_disposals(id),
  asset_id     INTEGER NOT NULL REFERENCES asset_cards(id),
  value        INTEGER NOT NULL CHECK (value >= 0),
  PRIMARY KEY (disposal_id, asset_id)
) STRICT;
CREATE INDEX asset_disposal_items_asset ON asset_disposal_items(asset_id);
CREATE TRIGGER asset_disposal_items_one_open BEFORE INSERT ON asset_disposal_items
WHEN EXISTS (SELECT 1 FROM asset_disposal_items i JOIN asset_disposals d ON d.id = i.disposal_id
             WHERE i.asset_id = NEW.asset_id AND d.state IN ('pending', 'approved', 'done'))
BEGIN
  SELECT RAISE(ABORT, '该资产已在另一处置申请中');
END;
CREATE TRIGGER asset_disposal_items_no_update BEFORE UPDATE ON asset_disposal_items BEGIN
  SELECT RAISE(ABORT, '处置明细不可修改');
END;
CREATE TRIGGER asset_disposal_items_no_delete BEFORE DELETE ON asset_disposal_items BEGIN
  SELECT RAISE(ABORT, '处置明细不可删除');
END;
-- A card leaves the books (报废/核销) only through an approved disposal.
CREATE TRIGGER asset_cards_disposed_by_approval BEFORE UPDATE ON asset_cards
WHEN ((NEW.status = 'scrapped' AND OLD.status <> 'scrapped') OR NEW.disposal_id IS NOT OLD.disposal_id)
  AND (NEW.disposal_id IS NULL OR (SELECT state FROM asset_disposals WHERE id = NEW.disposal_id) IS NOT 'approved')
BEGIN
  SELECT RAISE(ABORT, '资产处置须经审批');
END;

CREATE TABLE asset_checks (
  id               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL,
  number           TEXT NOT NULL UNIQUE,
  title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 60),
  checked_on       TEXT NOT NULL CHECK (checked_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  scope            TEXT NOT NULL CHECK (scope IN ('all', 'department', 'location', 'category')),
  scope_value      TEXT NOT NULL DEFAULT '',
  checker_id       INTEGER REFERENCES users(id),
  checker_name     TEXT,
  reviewer_id      INTEGER REFERENCES users(id),
  reviewer_name    TEXT,
  surplus          TEXT NOT NULL DEFAULT '' CHECK (length(surplus) <= 1000),
  state            TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'confirmed', 'void')),
  confirmed_at     TEXT,
  confirmed_by_id  INTEGER REFERENCES users(id),
  void_reason      TEXT,
  remarks          TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  recorded_by_id   INTEGER NOT NULL REFERENCES users(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK (checker_id IS NULL OR reviewer_id IS NULL OR checker_id <> reviewer_id),
  CHECK (state <> 'confirmed' OR (checker_id IS NOT NULL AND reviewer_id IS NOT NULL AND confirmed_at IS NOT NULL)),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX asset_checks_date ON asset_checks(checked_on, id);
CREATE INDEX asset_checks_state ON asset_checks(state, checked_on, id);
CREATE TRIGGER asset_checks_no_delete BEFORE DELETE ON asset_checks BEGIN
  SELECT RAISE(ABORT, '清查表不可删除，请作废并写明原因');
END;
CREATE TRIGGER asset_checks_final BEFORE UPDATE ON asset_checks
WHEN OLD.state IN ('confirmed', 'void')
BEGIN
  SELECT RAISE(ABORT, '已确认或已作废的清查表不可修改');
END;

CREATE TABLE asset_check_lines (
  id               INTEGER PRIMARY KEY,
  check_id         INTEGER NOT NULL REFERENCES asset_checks(id),
  asset_id         INTEGER NOT NULL REFERENCES asset_cards(id),
  book_department  TEXT NOT NULL,
  book_user        TEXT NOT NULL,
  book_location    TEXT NOT NULL,
  book_status      TEXT NOT NULL,
  result           TEXT CHECK (result IN ('ok', 'moved', 'missing', 'damaged')),
  actual_location  TEXT NOT NULL DEFAULT '',
  note             TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 200),
  UNIQUE (check_id, asset_id)
) STRICT;
CREATE INDEX asset_check_lines_asset ON asset_check_lines(asset_id);
CREATE TRIGGER asset_check_lines_open BEFORE UPDATE ON asset_check_lines
WHEN (SELECT state FROM asset_checks WHERE id = OLD.check_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, '已确认的清查表不可修改');
END;
CREATE TRIGGER asset_check_lines_insert_open BEFORE INSERT ON asset_check_lines
WHEN (SELECT state FROM asset_checks WHERE id = NEW.check_id) IS NOT 'draft'
BEGIN
  SELECT RAISE(ABORT, '已确认的清查表不可修改');
END;
CREATE TRIGGER asset_check_lines_no_delete BEFORE DELETE ON asset_check_lines BEGIN
  SELECT RAISE(ABORT, '清查明细不可删除');
END;
