-- A year's book of minutes is bound (装订成册) once the year is over and nothing in it is a draft
-- (issue 27). Until then a record dated before the book's latest entry is entered as 补录 and takes
-- its place by date in the book and its 目录; after binding nothing more is entered in that book.
ALTER TABLE minutes_books ADD COLUMN bound_at TEXT;
ALTER TABLE minutes_books ADD COLUMN bound_by INTEGER REFERENCES users(id);
CREATE TRIGGER minutes_books_bound_once BEFORE UPDATE OF bound_at, bound_by ON minutes_books WHEN OLD.bound_at IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '记录本已装订成册，不可撤销');
END;
CREATE TRIGGER minutes_meetings_bound_book BEFORE INSERT ON minutes_meetings
  WHEN (SELECT bound_at FROM minutes_books WHERE id = NEW.book_id) IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, '记录本已装订成册，不能再记入');
END;
-- The book and its 目录 read in date order.
CREATE INDEX minutes_meetings_book_date ON minutes_meetings(book_id, date, start_time, number);
