-- Paper approvals wait for the signer (issue 25): a paper approval recorded by someone else is only
-- the recorder's word until the named signer confirms it — or disputes it — signed in as themselves.
-- What the approval was about, for the signer's list (older approvals have none: their step and
-- filing number name them).
ALTER TABLE approvals ADD COLUMN subject TEXT NOT NULL DEFAULT '';
CREATE INDEX approvals_signer ON approvals(approver_id, id) WHERE mode = 'paper';

CREATE TABLE approval_confirmations (
  id           INTEGER PRIMARY KEY,
  approval_id  INTEGER NOT NULL UNIQUE REFERENCES approvals(id),
  outcome      TEXT NOT NULL CHECK (outcome IN ('confirmed', 'disputed')),
  note         TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  by_id        INTEGER NOT NULL REFERENCES users(id),
  at           TEXT NOT NULL,
  CHECK (outcome = 'confirmed' OR length(trim(note)) > 0)
) STRICT;
-- Only the signer named on the paper answers for it, and only for a paper approval someone else recorded.
CREATE TRIGGER approval_confirmations_signer BEFORE INSERT ON approval_confirmations
WHEN NOT EXISTS (SELECT 1 FROM approvals a WHERE a.id = NEW.approval_id AND a.mode = 'paper' AND a.approver_id = NEW.by_id AND a.recorded_by_id <> NEW.by_id)
BEGIN
  SELECT RAISE(ABORT, '只有纸质签批上署名的签批人本人可以确认他人录入的签批');
END;
CREATE TRIGGER approval_confirmations_no_update BEFORE UPDATE ON approval_confirmations BEGIN
  SELECT RAISE(ABORT, '签批确认记录不可修改');
END;
CREATE TRIGGER approval_confirmations_no_delete BEFORE DELETE ON approval_confirmations BEGIN
  SELECT RAISE(ABORT, '签批确认记录不可删除');
END;
