-- 0080: a search index over the audit log (bigrams, see db/core/search.ts), so that the auditor's
-- free-text search does not scan ten years of entries. Contentless: the log itself stays the record.
-- `audit_search_state.last_seq` is the last entry indexed; entries written before this migration are
-- indexed by the core when it opens the data (SQL alone cannot split Chinese text).
CREATE VIRTUAL TABLE audit_fts USING fts5(body, content = '', tokenize = 'unicode61 remove_diacritics 0');
CREATE TABLE audit_search_state (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq  INTEGER NOT NULL
) STRICT;
INSERT INTO audit_search_state (id, last_seq) VALUES (1, 0);
