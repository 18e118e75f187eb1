-- Custom migration: a trigram index over participants' folded name, organisation and e-mail, so
-- substring search stays fast at 100,000 participants (LIKE '%term%' scans every row).
-- As for contributions (0003), FTS5 needs stable integer rowids: a key table maps them to ids.
CREATE TABLE `participant_search_keys` (
	`key` integer PRIMARY KEY,
	`participant_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `participants_trigram` USING fts5(search_text, tokenize = 'trigram');
--> statement-breakpoint
CREATE TRIGGER `participants_search_ai` AFTER INSERT ON `participants` BEGIN
	INSERT INTO participant_search_keys (participant_id) VALUES (new.id);
	INSERT INTO participants_trigram (rowid, search_text) VALUES (last_insert_rowid(), new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `participants_search_au` AFTER UPDATE OF search_text ON `participants` BEGIN
	UPDATE participants_trigram SET search_text = new.search_text
		WHERE rowid = (SELECT `key` FROM participant_search_keys WHERE participant_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `participants_search_ad` AFTER DELETE ON `participants` BEGIN
	DELETE FROM participants_trigram
		WHERE rowid = (SELECT `key` FROM participant_search_keys WHERE participant_id = old.id);
	DELETE FROM participant_search_keys WHERE participant_id = old.id;
END;
--> statement-breakpoint
INSERT INTO participant_search_keys (participant_id) SELECT id FROM participants ORDER BY id;
--> statement-breakpoint
INSERT INTO participants_trigram (rowid, search_text)
	SELECT k.`key`, p.search_text FROM participant_search_keys k JOIN participants p ON p.id = k.participant_id;
