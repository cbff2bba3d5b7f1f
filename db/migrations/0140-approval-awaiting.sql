-- Which paper approvals wait for their signer, as a queue (issue 25): an approval enters it when a
-- clerk records a paper form in someone else's name and leaves it when the signer answers (the answer
-- itself stays in approval_confirmations). Lists of what waits read this small table, not ten years of
-- approvals; paper approvals recorded before confirmation existed never waited and are not in it.
CREATE TABLE approval_awaiting (
  approval_id  INTEGER PRIMARY KEY REFERENCES approvals(id),
  approver_id  INTEGER NOT NULL REFERENCES users(id),
  since        TEXT NOT NULL
) STRICT;
CREATE INDEX approval_awaiting_signer ON approval_awaiting(approver_id, since);
CREATE INDEX approval_awaiting_since ON approval_awaiting(since);

-- Approvals recorded since schema 120 carry what they approve; those are the ones that wait.
INSERT INTO approval_awaiting (approval_id, approver_id, since)
  SELECT a.id, a.approver_id, a.decided_at FROM approvals a LEFT JOIN approval_confirmations c ON c.approval_id = a.id
  WHERE a.mode = 'paper' AND a.recorded_by_id <> a.approver_id AND a.subject <> '' AND c.id IS NULL;

CREATE TRIGGER approval_confirmations_answered AFTER INSERT ON approval_confirmations BEGIN
  DELETE FROM approval_awaiting WHERE approval_id = NEW.approval_id;
END;
-- Only the signer's answer takes an approval off the queue.
CREATE TRIGGER approval_awaiting_only_answered BEFORE DELETE ON approval_awaiting
WHEN NOT EXISTS (SELECT 1 FROM approval_confirmations WHERE approval_id = OLD.approval_id)
BEGIN
  SELECT RAISE(ABORT, '纸质签批须由签批人本人确认或提出异议后才离开待确认队列');
END;
