-- 0070: petty cash and expense approvals (DOMAIN.md §5) — categories, prior applications approved by
-- amount tier, acceptance by a witness, reimbursements with their invoices and signature chain,
-- advances with their settlements, the petty-cash journal and its monthly counts, and a shared
-- attachment store (receipts, basis documents) kept in the database with a hash. The rules the core
-- enforces are repeated here where SQL states them cheaply; nothing is ever deleted.

CREATE TABLE expense_settings (
  key            TEXT PRIMARY KEY,
  value          TEXT NOT NULL CHECK (json_valid(value)),
  updated_at     TEXT NOT NULL,
  updated_by_id  INTEGER NOT NULL REFERENCES users(id)
) STRICT;

CREATE TABLE expense_categories (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 30),
  needs_basis  INTEGER NOT NULL DEFAULT 0 CHECK (needs_basis IN (0, 1)),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  sort         INTEGER NOT NULL DEFAULT 0
) STRICT;
INSERT INTO expense_categories (name, needs_basis, sort) VALUES
  ('办公费', 0, 1), ('差旅费', 0, 2), ('培训费', 1, 3), ('会议费', 0, 4), ('维修费', 0, 5),
  ('法律援助办案补贴', 1, 6), ('人民调解以奖代补', 1, 7), ('其他', 0, 8);
CREATE TRIGGER expense_categories_no_delete BEFORE DELETE ON expense_categories BEGIN
  SELECT RAISE(ABORT, '费用类别不可删除，可停用');
END;

-- 事前申请. `steps` is the approval chain fixed when the application was made (JSON array of
-- {name, allowedIds, who}); `approved_steps` counts the approvals so far.
CREATE TABLE expense_apps (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  number          TEXT NOT NULL UNIQUE,
  applied_on      TEXT NOT NULL CHECK (applied_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  applicant_id    INTEGER NOT NULL REFERENCES users(id),
  applicant_name  TEXT NOT NULL,
  department      TEXT NOT NULL DEFAULT '',
  category_id     INTEGER NOT NULL REFERENCES expense_categories(id),
  purpose         TEXT NOT NULL CHECK (length(trim(purpose)) BETWEEN 1 AND 300),
  budget_item     TEXT NOT NULL CHECK (length(trim(budget_item)) BETWEEN 1 AND 100),
  estimated_fen   INTEGER NOT NULL CHECK (estimated_fen BETWEEN 1 AND 1000000000000),
  basis_doc       TEXT NOT NULL DEFAULT '' CHECK (length(basis_doc) <= 200),
  large           INTEGER NOT NULL CHECK (large IN (0, 1)),
  decision_id     INTEGER REFERENCES minutes_items(id),
  steps           TEXT NOT NULL CHECK (json_valid(steps) AND json_array_length(steps) >= 1),
  approved_steps  INTEGER NOT NULL DEFAULT 0,
  approvers       TEXT NOT NULL DEFAULT '',
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'void')),
  remarks         TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  void_reason     TEXT,
  voided_at       TEXT,
  voided_by_id    INTEGER REFERENCES users(id),
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (year, seq),
  -- 先审批后执行: approved means every step of its chain approved; 大额 means a linked decision.
  CHECK (state <> 'approved' OR approved_steps = json_array_length(steps)),
  CHECK (state <> 'approved' OR large = 0 OR decision_id IS NOT NULL),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX expense_apps_date ON expense_apps(applied_on, id);
CREATE INDEX expense_apps_number ON expense_apps(year, seq);
CREATE INDEX expense_apps_state ON expense_apps(state, applied_on, id);
CREATE INDEX expense_apps_category ON expense_apps(category_id, applied_on, id);
CREATE INDEX expense_apps_applicant ON expense_apps(applicant_id, applied_on, id);
CREATE INDEX expense_apps_department ON expense_apps(department, applied_on, id);
CREATE INDEX expense_apps_large ON expense_apps(applied_on, id) WHERE large = 1;
CREATE TRIGGER expense_apps_no_delete BEFORE DELETE ON expense_apps BEGIN
  SELECT RAISE(ABORT, '事前申请不可删除，只能作废');
END;
CREATE TRIGGER expense_apps_identity BEFORE UPDATE ON expense_apps
  WHEN NEW.number IS NOT OLD.number OR NEW.applicant_id IS NOT OLD.applicant_id OR NEW.estimated_fen IS NOT OLD.estimated_fen
    OR NEW.category_id IS NOT OLD.category_id OR NEW.steps IS NOT OLD.steps OR OLD.state IN ('rejected', 'void')
BEGIN
  SELECT RAISE(ABORT, '已登记的事前申请不能改动编号、申请人、金额或审批环节；已驳回或作废的申请不能再改');
END;

-- 事后验收: one per application, by a witness who is not the applicant (checked in the core).
CREATE TABLE expense_acceptances (
  id              INTEGER PRIMARY KEY,
  app_id          INTEGER NOT NULL UNIQUE REFERENCES expense_apps(id),
  witness_id      INTEGER NOT NULL REFERENCES users(id),
  witness_name    TEXT NOT NULL,
  accepted_on     TEXT NOT NULL CHECK (accepted_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  result          TEXT NOT NULL CHECK (length(trim(result)) BETWEEN 1 AND 1000),
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL
) STRICT;
CREATE TRIGGER expense_acceptances_no_update BEFORE UPDATE ON expense_acceptances BEGIN
  SELECT RAISE(ABORT, '验收记录不可修改');
END;
CREATE TRIGGER expense_acceptances_no_delete BEFORE DELETE ON expense_acceptances BEGIN
  SELECT RAISE(ABORT, '验收记录不可删除');
END;

CREATE TABLE expense_acceptance_lines (
  id              INTEGER PRIMARY KEY,
  acceptance_id   INTEGER NOT NULL REFERENCES expense_acceptances(id),
  line_no         INTEGER NOT NULL,
  name            TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  quantity        INTEGER NOT NULL CHECK (quantity >= 1),
  unit_price_fen  INTEGER NOT NULL CHECK (unit_price_fen >= 0),
  fixed_asset     INTEGER NOT NULL CHECK (fixed_asset IN (0, 1)),
  asset_card_id   INTEGER REFERENCES asset_cards(id),
  UNIQUE (acceptance_id, line_no)
) STRICT;
CREATE INDEX expense_acceptance_lines_card ON expense_acceptance_lines(asset_card_id) WHERE asset_card_id IS NOT NULL;
-- Only the asset card link may be filled in later, once.
CREATE TRIGGER expense_acceptance_lines_link BEFORE UPDATE ON expense_acceptance_lines
  WHEN OLD.asset_card_id IS NOT NULL OR NEW.acceptance_id IS NOT OLD.acceptance_id OR NEW.name IS NOT OLD.name
    OR NEW.quantity IS NOT OLD.quantity OR NEW.unit_price_fen IS NOT OLD.unit_price_fen OR NEW.fixed_asset IS NOT OLD.fixed_asset
BEGIN
  SELECT RAISE(ABORT, '验收明细不可修改（只能补登固定资产卡片一次）');
END;
CREATE TRIGGER expense_acceptance_lines_no_delete BEFORE DELETE ON expense_acceptance_lines BEGIN
  SELECT RAISE(ABORT, '验收明细不可删除');
END;

-- 借支. Settled by reimbursements (冲账) and cash returned; settled_fen never exceeds the amount.
CREATE TABLE expense_advances (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  number          TEXT NOT NULL UNIQUE,
  applied_on      TEXT NOT NULL CHECK (applied_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  borrower_id     INTEGER NOT NULL REFERENCES users(id),
  borrower_name   TEXT NOT NULL,
  department      TEXT NOT NULL DEFAULT '',
  purpose         TEXT NOT NULL CHECK (length(trim(purpose)) BETWEEN 1 AND 300),
  amount_fen      INTEGER NOT NULL CHECK (amount_fen BETWEEN 1 AND 1000000000000),
  due_on          TEXT NOT NULL CHECK (due_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  payment_method  TEXT NOT NULL CHECK (payment_method IN ('cash', 'transfer')),
  steps           TEXT NOT NULL CHECK (json_valid(steps) AND json_array_length(steps) >= 1),
  approved_steps  INTEGER NOT NULL DEFAULT 0,
  approvers       TEXT NOT NULL DEFAULT '',
  state           TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected', 'outstanding', 'settled', 'void')),
  paid_on         TEXT,
  settled_fen     INTEGER NOT NULL DEFAULT 0,
  remarks         TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  void_reason     TEXT,
  voided_at       TEXT,
  voided_by_id    INTEGER REFERENCES users(id),
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK (settled_fen BETWEEN 0 AND amount_fen),
  CHECK (state NOT IN ('approved', 'outstanding', 'settled') OR approved_steps = json_array_length(steps)),
  CHECK (state NOT IN ('outstanding', 'settled') OR paid_on IS NOT NULL),
  CHECK (state <> 'settled' OR settled_fen = amount_fen),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX expense_advances_date ON expense_advances(applied_on, id);
CREATE INDEX expense_advances_number ON expense_advances(year, seq);
CREATE INDEX expense_advances_state ON expense_advances(state, applied_on, id);
CREATE INDEX expense_advances_borrower ON expense_advances(borrower_id, applied_on, id);
CREATE INDEX expense_advances_due ON expense_advances(due_on) WHERE state = 'outstanding';
CREATE TRIGGER expense_advances_no_delete BEFORE DELETE ON expense_advances BEGIN
  SELECT RAISE(ABORT, '借支记录不可删除，只能作废');
END;

-- 报销单. The chain is fixed when the claim is made (JSON array of {name, allowedIds, who}).
CREATE TABLE expense_claims (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL,
  number          TEXT NOT NULL UNIQUE,
  claimed_on      TEXT NOT NULL CHECK (claimed_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  app_id          INTEGER NOT NULL REFERENCES expense_apps(id),
  -- Copied from the application so that every list filter has its own index.
  applicant_id    INTEGER NOT NULL REFERENCES users(id),
  applicant_name  TEXT NOT NULL,
  department      TEXT NOT NULL DEFAULT '',
  category_id     INTEGER NOT NULL REFERENCES expense_categories(id),
  purpose         TEXT NOT NULL,
  advance_id      INTEGER REFERENCES expense_advances(id),
  payment_method  TEXT NOT NULL CHECK (payment_method IN ('card', 'transfer', 'cash')),
  payee           TEXT NOT NULL DEFAULT '',
  total_fen       INTEGER NOT NULL CHECK (total_fen BETWEEN 1 AND 1000000000000),
  approved_fen    INTEGER NOT NULL,
  over_approved   INTEGER NOT NULL CHECK (over_approved IN (0, 1)),
  steps           TEXT NOT NULL CHECK (json_valid(steps) AND json_array_length(steps) >= 1),
  signed_steps    INTEGER NOT NULL DEFAULT 0,
  state           TEXT NOT NULL DEFAULT 'signing' CHECK (state IN ('signing', 'approved', 'paid', 'rejected', 'void')),
  offset_fen      INTEGER NOT NULL DEFAULT 0,
  paid_on         TEXT,
  voucher_no      TEXT,
  remarks         TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 500),
  void_reason     TEXT,
  voided_at       TEXT,
  voided_by_id    INTEGER REFERENCES users(id),
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (year, seq),
  CHECK (offset_fen BETWEEN 0 AND total_fen),
  CHECK (state NOT IN ('approved', 'paid') OR signed_steps = json_array_length(steps)),
  CHECK (state <> 'paid' OR (paid_on IS NOT NULL AND length(trim(coalesce(voucher_no, ''))) > 0)),
  CHECK (state <> 'void' OR length(trim(coalesce(void_reason, ''))) > 0)
) STRICT;
CREATE INDEX expense_claims_date ON expense_claims(claimed_on, id);
CREATE INDEX expense_claims_number ON expense_claims(year, seq);
CREATE INDEX expense_claims_state ON expense_claims(state, claimed_on, id);
CREATE INDEX expense_claims_category ON expense_claims(category_id, claimed_on, id);
CREATE INDEX expense_claims_applicant ON expense_claims(applicant_id, claimed_on, id);
CREATE INDEX expense_claims_department ON expense_claims(department, claimed_on, id);
CREATE INDEX expense_claims_payment ON expense_claims(payment_method, claimed_on, id);
CREATE INDEX expense_claims_app ON expense_claims(app_id);
CREATE INDEX expense_claims_paid ON expense_claims(paid_on, category_id, total_fen) WHERE state = 'paid';
CREATE INDEX expense_claims_advance ON expense_claims(advance_id) WHERE advance_id IS NOT NULL;
CREATE TRIGGER expense_claims_no_delete BEFORE DELETE ON expense_claims BEGIN
  SELECT RAISE(ABORT, '报销单不可删除，只能作废');
END;
CREATE TRIGGER expense_claims_identity BEFORE UPDATE ON expense_claims
  WHEN NEW.number IS NOT OLD.number OR NEW.total_fen IS NOT OLD.total_fen OR NEW.app_id IS NOT OLD.app_id OR NEW.steps IS NOT OLD.steps
    OR OLD.state IN ('paid', 'rejected', 'void')
BEGIN
  SELECT RAISE(ABORT, '报销单的编号、金额、申请和签批环节不能改动；已支付、已退回或作废的报销单不能再改');
END;

-- Invoices. `active` is 0 once the claim is rejected or void, so the invoice may be claimed again;
-- the partial unique index is the last line of defence against paying one invoice twice.
CREATE TABLE expense_claim_lines (
  id            INTEGER PRIMARY KEY,
  claim_id      INTEGER NOT NULL REFERENCES expense_claims(id),
  line_no       INTEGER NOT NULL,
  invoice_no    TEXT NOT NULL CHECK (length(invoice_no) BETWEEN 1 AND 40 AND invoice_no = upper(invoice_no)),
  invoice_date  TEXT NOT NULL CHECK (invoice_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  description   TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 100),
  amount_fen    INTEGER NOT NULL CHECK (amount_fen BETWEEN 1 AND 1000000000000),
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  UNIQUE (claim_id, line_no)
) STRICT;
CREATE UNIQUE INDEX expense_claim_lines_invoice ON expense_claim_lines(invoice_no, amount_fen) WHERE active = 1;
CREATE INDEX expense_claim_lines_invoice_any ON expense_claim_lines(invoice_no);
CREATE TRIGGER expense_claim_lines_fixed BEFORE UPDATE ON expense_claim_lines
  WHEN NEW.invoice_no IS NOT OLD.invoice_no OR NEW.amount_fen IS NOT OLD.amount_fen OR NEW.claim_id IS NOT OLD.claim_id OR (OLD.active = 0 AND NEW.active = 1)
BEGIN
  SELECT RAISE(ABORT, '发票明细不可修改');
END;
CREATE TRIGGER expense_claim_lines_no_delete BEFORE DELETE ON expense_claim_lines BEGIN
  SELECT RAISE(ABORT, '发票明细不可删除');
END;

CREATE TABLE expense_settlements (
  id              INTEGER PRIMARY KEY,
  advance_id      INTEGER NOT NULL REFERENCES expense_advances(id),
  kind            TEXT NOT NULL CHECK (kind IN ('claim', 'cash')),
  claim_id        INTEGER REFERENCES expense_claims(id),
  amount_fen      INTEGER NOT NULL CHECK (amount_fen >= 1),
  settled_on      TEXT NOT NULL,
  note            TEXT NOT NULL DEFAULT '',
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  CHECK ((kind = 'claim') = (claim_id IS NOT NULL))
) STRICT;
CREATE INDEX expense_settlements_advance ON expense_settlements(advance_id, id);
CREATE TRIGGER expense_settlements_no_change BEFORE UPDATE ON expense_settlements BEGIN
  SELECT RAISE(ABORT, '冲账记录不可修改');
END;
CREATE TRIGGER expense_settlements_no_delete BEFORE DELETE ON expense_settlements BEGIN
  SELECT RAISE(ABORT, '冲账记录不可删除');
END;

-- 备用金现金日记账: append-only; each row carries the balance after it, which SQL checks against the
-- row before and never lets below zero.
CREATE TABLE petty_cash (
  id              INTEGER PRIMARY KEY,
  entry_date      TEXT NOT NULL CHECK (entry_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  kind            TEXT NOT NULL CHECK (kind IN ('opening', 'topup', 'payment', 'advance', 'return')),
  note            TEXT NOT NULL CHECK (length(trim(note)) BETWEEN 1 AND 200),
  in_fen          INTEGER NOT NULL DEFAULT 0 CHECK (in_fen >= 0),
  out_fen         INTEGER NOT NULL DEFAULT 0 CHECK (out_fen >= 0),
  balance_fen     INTEGER NOT NULL CHECK (balance_fen >= 0),
  ref_type        TEXT,
  ref_id          INTEGER,
  ref_number      TEXT,
  recorded_by_id  INTEGER NOT NULL REFERENCES users(id),
  created_at      TEXT NOT NULL,
  CHECK ((in_fen > 0) <> (out_fen > 0))
) STRICT;
CREATE INDEX petty_cash_date ON petty_cash(entry_date, id);
CREATE TRIGGER petty_cash_balance BEFORE INSERT ON petty_cash
  WHEN NEW.balance_fen IS NOT coalesce((SELECT balance_fen FROM petty_cash ORDER BY id DESC LIMIT 1), 0) + NEW.in_fen - NEW.out_fen
    OR NEW.entry_date < coalesce((SELECT entry_date FROM petty_cash ORDER BY id DESC LIMIT 1), '0000-00-00')
BEGIN
  SELECT RAISE(ABORT, '备用金余额与上一笔不衔接，或日期早于上一笔');
END;
CREATE TRIGGER petty_cash_no_update BEFORE UPDATE ON petty_cash BEGIN
  SELECT RAISE(ABORT, '现金日记账不可修改');
END;
CREATE TRIGGER petty_cash_no_delete BEFORE DELETE ON petty_cash BEGIN
  SELECT RAISE(ABORT, '现金日记账不可删除');
END;

CREATE TABLE petty_cash_counts (
  id             INTEGER PRIMARY KEY,
  month          TEXT NOT NULL UNIQUE CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
  book_fen       INTEGER NOT NULL,
  counted_fen    INTEGER NOT NULL CHECK (counted_fen >= 0),
  counted_by_id  INTEGER NOT NULL REFERENCES users(id),
  checker_id     INTEGER NOT NULL REFERENCES users(id),
  note           TEXT NOT NULL DEFAULT '',
  counted_at     TEXT NOT NULL,
  CHECK (counted_by_id <> checker_id),
  CHECK (counted_fen = book_fen OR length(trim(note)) > 0)
) STRICT;
CREATE TRIGGER petty_cash_counts_no_change BEFORE UPDATE ON petty_cash_counts BEGIN
  SELECT RAISE(ABORT, '盘点记录不可修改');
END;
CREATE TRIGGER petty_cash_counts_no_delete BEFORE DELETE ON petty_cash_counts BEGIN
  SELECT RAISE(ABORT, '盘点记录不可删除');
END;

-- Attachments of any record (receipts, basis documents, scans): bytes with their SHA-256, checked at
-- upload. A wrong upload is taken down (voided) with a reason, never deleted.
CREATE TABLE attachments (
  id              INTEGER PRIMARY KEY,
  object_type     TEXT NOT NULL,
  object_id       INTEGER NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('receipt', 'basis', 'other')),
  name            TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 120),
  mime            TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'application/pdf')),
  size            INTEGER NOT NULL CHECK (size BETWEEN 1 AND 20971520 AND size = length(data)),
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
  data            BLOB NOT NULL,
  uploaded_by_id  INTEGER NOT NULL REFERENCES users(id),
  uploaded_at     TEXT NOT NULL,
  void_reason     TEXT,
  voided_at       TEXT,
  voided_by_id    INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX attachments_object ON attachments(object_type, object_id, id);
CREATE INDEX attachments_hash ON attachments(sha256);
CREATE TRIGGER attachments_fixed BEFORE UPDATE ON attachments
  WHEN NEW.data IS NOT OLD.data OR NEW.sha256 IS NOT OLD.sha256 OR NEW.object_id IS NOT OLD.object_id OR NEW.object_type IS NOT OLD.object_type OR OLD.voided_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '附件内容不可修改');
END;
CREATE TRIGGER attachments_no_delete BEFORE DELETE ON attachments BEGIN
  SELECT RAISE(ABORT, '附件不可删除，只能撤下');
END;
