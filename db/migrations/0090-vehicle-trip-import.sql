-- Trips taken over from the paper 公务用车使用登记表 by import: marked, so the register shows they
-- were approved on paper before the system and not through it.
ALTER TABLE vehicle_trips ADD COLUMN imported INTEGER NOT NULL DEFAULT 0 CHECK (imported IN (0, 1));
