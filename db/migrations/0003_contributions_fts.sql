-- Custom migration (not generated from db/schema.ts): full-text search for contributions and for
-- call minutes and NRI session notes, kept in sync by triggers.
--
-- FTS5 needs integer rowids. contributions, calls and onsite_sessions have text (UUIDv7) keys, and
-- their implicit rowids may change on VACUUM or when a migration rebuilds the table; so each
-- search table gets a small key table with an INTEGER PRIMARY KEY (stable) mapping to the row's id.
--
-- contributions_fts is an external-content table over the view contribution_search_docs (no second
-- copy of the text); snippet() and highlight() read the text from the view. notes_fts indexes call
-- minutes and onsite session notes and outcomes (several tables), so it keeps its own copy.
-- Tokenizer: unicode61 with remove_diacritics 2, so "Sao Paulo" finds "São Paulo".
CREATE TABLE `contribution_search_keys` (
	`key` integer PRIMARY KEY,
	`contribution_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE VIEW `contribution_search_docs` AS
	SELECT k.`key` AS `key`, c.`title` AS `title`, c.`summary` AS `summary`, c.`body` AS `body`
	FROM `contribution_search_keys` k JOIN `contributions` c ON c.`id` = k.`contribution_id`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contributions_fts` USING fts5(
	title, summary, body,
	content = 'contribution_search_docs', content_rowid = 'key',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `contributions_search_ai` AFTER INSERT ON `contributions` BEGIN
	INSERT INTO contribution_search_keys (contribution_id) VALUES (new.id);
	INSERT INTO contributions_fts (rowid, title, summary, body)
		VALUES (last_insert_rowid(), new.title, new.summary, new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_search_au` AFTER UPDATE OF title, summary, body ON `contributions` BEGIN
	INSERT INTO contributions_fts (contributions_fts, rowid, title, summary, body)
		SELECT 'delete', k.key, old.title, old.summary, old.body
		FROM contribution_search_keys k WHERE k.contribution_id = old.id;
	INSERT INTO contributions_fts (rowid, title, summary, body)
		SELECT k.key, new.title, new.summary, new.body
		FROM contribution_search_keys k WHERE k.contribution_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_search_ad` AFTER DELETE ON `contributions` BEGIN
	INSERT INTO contributions_fts (contributions_fts, rowid, title, summary, body)
		SELECT 'delete', k.key, old.title, old.summary, old.body
		FROM contribution_search_keys k WHERE k.contribution_id = old.id;
	DELETE FROM contribution_search_keys WHERE contribution_id = old.id;
END;
--> statement-breakpoint
INSERT INTO `contribution_search_keys` (`contribution_id`) SELECT `id` FROM `contributions`;
--> statement-breakpoint
INSERT INTO `contributions_fts` (`contributions_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TABLE `note_search_keys` (
	`key` integer PRIMARY KEY,
	`doc_type` text NOT NULL,
	`doc_id` text NOT NULL,
	`forum_id` text NOT NULL,
	UNIQUE (`doc_type`, `doc_id`)
);
--> statement-breakpoint
CREATE INDEX `note_search_keys_forum_idx` ON `note_search_keys` (`forum_id`);
--> statement-breakpoint
CREATE VIRTUAL TABLE `notes_fts` USING fts5(
	title, body,
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `calls_search_ai` AFTER INSERT ON `calls` BEGIN
	INSERT INTO note_search_keys (doc_type, doc_id, forum_id) VALUES ('call', new.id, new.forum_id);
	INSERT INTO notes_fts (rowid, title, body) VALUES (last_insert_rowid(), new.title, new.minutes);
END;
--> statement-breakpoint
CREATE TRIGGER `calls_search_au` AFTER UPDATE OF title, minutes ON `calls` BEGIN
	UPDATE notes_fts SET title = new.title, body = new.minutes
		WHERE rowid = (SELECT key FROM note_search_keys WHERE doc_type = 'call' AND doc_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `calls_search_ad` AFTER DELETE ON `calls` BEGIN
	DELETE FROM notes_fts
		WHERE rowid = (SELECT key FROM note_search_keys WHERE doc_type = 'call' AND doc_id = old.id);
	DELETE FROM note_search_keys WHERE doc_type = 'call' AND doc_id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `onsite_sessions_search_ai` AFTER INSERT ON `onsite_sessions` BEGIN
	INSERT INTO note_search_keys (doc_type, doc_id, forum_id) VALUES ('session', new.id, new.forum_id);
	INSERT INTO notes_fts (rowid, title, body)
		VALUES (last_insert_rowid(), new.title, new.notes || char(10) || new.outcomes);
END;
--> statement-breakpoint
CREATE TRIGGER `onsite_sessions_search_au` AFTER UPDATE OF title, notes, outcomes ON `onsite_sessions` BEGIN
	UPDATE notes_fts SET title = new.title, body = new.notes || char(10) || new.outcomes
		WHERE rowid = (SELECT key FROM note_search_keys WHERE doc_type = 'session' AND doc_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `onsite_sessions_search_ad` AFTER DELETE ON `onsite_sessions` BEGIN
	DELETE FROM notes_fts
		WHERE rowid = (SELECT key FROM note_search_keys WHERE doc_type = 'session' AND doc_id = old.id);
	DELETE FROM note_search_keys WHERE doc_type = 'session' AND doc_id = old.id;
END;
--> statement-breakpoint
INSERT INTO `note_search_keys` (`doc_type`, `doc_id`, `forum_id`) SELECT 'call', `id`, `forum_id` FROM `calls`;
--> statement-breakpoint
INSERT INTO `notes_fts` (rowid, title, body)
	SELECT k.`key`, c.`title`, c.`minutes` FROM `note_search_keys` k JOIN `calls` c ON c.`id` = k.`doc_id` AND k.`doc_type` = 'call';
--> statement-breakpoint
INSERT INTO `note_search_keys` (`doc_type`, `doc_id`, `forum_id`) SELECT 'session', `id`, `forum_id` FROM `onsite_sessions`;
--> statement-breakpoint
INSERT INTO `notes_fts` (rowid, title, body)
	SELECT k.`key`, s.`title`, s.`notes` || char(10) || s.`outcomes` FROM `note_search_keys` k JOIN `onsite_sessions` s ON s.`id` = k.`doc_id` AND k.`doc_type` = 'session';
--> statement-breakpoint
-- Filters of the contribution list (status, region and date have indexes in 0002).
CREATE INDEX `contributions_forum_kind_idx` ON `contributions` (`forum_id`, `kind`);
--> statement-breakpoint
CREATE INDEX `contributions_forum_source_idx` ON `contributions` (`forum_id`, `source`);
