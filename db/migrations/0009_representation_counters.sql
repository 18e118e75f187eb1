CREATE TABLE `forum_data_versions` (
	`forum_id` text NOT NULL,
	`area` text NOT NULL,
	`version` integer NOT NULL,
	PRIMARY KEY(`forum_id`, `area`),
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `representation_call_counts` (
	`call_id` text NOT NULL,
	`stakeholder_group` text NOT NULL,
	`region` text NOT NULL,
	`development_status` text NOT NULL,
	`gender` text NOT NULL,
	`is_protected` integer NOT NULL,
	`count` integer NOT NULL,
	`key_sum` integer NOT NULL,
	PRIMARY KEY(`call_id`, `stakeholder_group`, `region`, `development_status`, `gender`, `is_protected`),
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `representation_counts` (
	`forum_id` text NOT NULL,
	`stakeholder_group` text NOT NULL,
	`region` text NOT NULL,
	`development_status` text NOT NULL,
	`gender` text NOT NULL,
	`is_protected` integer NOT NULL,
	`first_call_at` integer NOT NULL,
	`first_session_at` integer NOT NULL,
	`count` integer NOT NULL,
	`key_sum` integer NOT NULL,
	PRIMARY KEY(`forum_id`, `stakeholder_group`, `region`, `development_status`, `gender`, `is_protected`, `first_call_at`, `first_session_at`),
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `representation_people` (
	`participant_id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`first_call_at` integer NOT NULL,
	`first_session_at` integer NOT NULL,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `representation_session_counts` (
	`session_id` text NOT NULL,
	`stakeholder_group` text NOT NULL,
	`region` text NOT NULL,
	`development_status` text NOT NULL,
	`gender` text NOT NULL,
	`is_protected` integer NOT NULL,
	`count` integer NOT NULL,
	`key_sum` integer NOT NULL,
	PRIMARY KEY(`session_id`, `stakeholder_group`, `region`, `development_status`, `gender`, `is_protected`),
	FOREIGN KEY (`session_id`) REFERENCES `onsite_sessions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `report_sections` ADD `input_fingerprint` text;
--> statement-breakpoint
-- hand-written below: keep when regenerating
--
-- Representation counters (issue 15), kept up to date by triggers in the writing transaction, so
-- every write path (services, imports, the sample loader, raw SQL) is covered. THIS IS THE ONE
-- PLACE that maintains them (db/queries/representationCounts.ts reads them and recomputes them
-- from the raw tables for tests). A new attendance status or a new kind of taking part changes the
-- WHEN clauses and the `status = 'attended'` conditions here only.
--
-- - representation_people: per member, the start of the first attended non-cancelled call and
--   NRI session (9007199254740991 = never). The dashboard counts a member as having taken part in calls
--   when first_call_at <= now: the first non-cancelled call is held iff any is.
-- - representation_counts: active members per cell (group, region, development status, gender,
--   protected, first_call_at, first_session_at); NULL attributes are stored as ''.
-- - representation_call_counts / representation_session_counts: attended records of active
--   members per call / session and cell.
-- Every count carries the sum of the members' record keys mod 2^32 (the cell key input of
-- shared/domain/statistics/perturbation.ts), so published figures are the ones the raw GROUP BY
-- gives. Cells whose count falls to 0 stay (readers skip them).
--
-- Deletes only ever UPDATE the counters (never insert), and inserts join `forums`, so deleting a
-- forum (whose cascades fire these triggers after the forum row is gone) cannot insert a row that
-- points at it. The views below are procedures: an INSERT into one runs its INSTEAD OF trigger.
CREATE INDEX `participants_forum_organisation_idx` ON `participants` (`forum_id`, `removed_at`, coalesce(`organisation`, '') COLLATE NOCASE, `sort_name`, `id`);
--> statement-breakpoint
CREATE VIEW `representation_member_out` AS SELECT NULL AS participant_id WHERE 0;
--> statement-breakpoint
CREATE VIEW `representation_member_in` AS SELECT NULL AS participant_id WHERE 0;
--> statement-breakpoint
CREATE VIEW `representation_member_recompute` AS SELECT NULL AS participant_id WHERE 0;
--> statement-breakpoint
CREATE VIEW `representation_member_refresh` AS SELECT NULL AS participant_id WHERE 0;
--> statement-breakpoint
CREATE VIEW `representation_events_out` AS SELECT NULL AS participant_id WHERE 0;
--> statement-breakpoint
CREATE VIEW `representation_events_in` AS SELECT NULL AS participant_id WHERE 0;
--> statement-breakpoint
CREATE TRIGGER `representation_member_out_ii` INSTEAD OF INSERT ON `representation_member_out` BEGIN
  UPDATE representation_counts SET count = count - 1, key_sum = (key_sum + 4294967296 - record_key(f.secret, p.id)) % 4294967296
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL
      AND representation_counts.forum_id = p.forum_id AND representation_counts.stakeholder_group = p.stakeholder_group AND representation_counts.region = coalesce(p.region, '')
      AND representation_counts.development_status = coalesce(p.development_status, '') AND representation_counts.gender = coalesce(p.gender, '')
      AND representation_counts.is_protected = p.is_protected
      AND representation_counts.first_call_at = rp.first_call_at
      AND representation_counts.first_session_at = rp.first_session_at;
END;
--> statement-breakpoint
CREATE TRIGGER `representation_member_in_ii` INSTEAD OF INSERT ON `representation_member_in` BEGIN
  INSERT INTO representation_counts (forum_id, stakeholder_group, region, development_status, gender, is_protected, first_call_at, first_session_at, count, key_sum)
    SELECT p.forum_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, rp.first_call_at, rp.first_session_at, 1, record_key(f.secret, p.id)
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id WHERE p.id = new.participant_id AND p.removed_at IS NULL
    ON CONFLICT DO UPDATE SET count = count + 1, key_sum = (key_sum + excluded.key_sum) % 4294967296;
END;
--> statement-breakpoint
CREATE TRIGGER `representation_member_recompute_ii` INSTEAD OF INSERT ON `representation_member_recompute` BEGIN
  UPDATE representation_people SET
    forum_id = (SELECT forum_id FROM participants WHERE id = new.participant_id),
    first_call_at = coalesce((SELECT min(c.start_at) FROM attendance a JOIN calls c ON c.id = a.call_id
      WHERE a.participant_id = new.participant_id AND a.status = 'attended' AND c.status <> 'cancelled'
        AND c.forum_id = (SELECT forum_id FROM participants WHERE id = new.participant_id)), 9007199254740991),
    first_session_at = coalesce((SELECT min(s.start_at) FROM session_attendance sa
      JOIN onsite_sessions s ON s.id = sa.session_id
      WHERE sa.participant_id = new.participant_id AND sa.status = 'attended' AND s.status <> 'cancelled'
        AND s.forum_id = (SELECT forum_id FROM participants WHERE id = new.participant_id)), 9007199254740991)
    WHERE participant_id = new.participant_id;
END;
--> statement-breakpoint
CREATE TRIGGER `representation_member_refresh_ii` INSTEAD OF INSERT ON `representation_member_refresh` BEGIN
  INSERT INTO representation_member_out (participant_id) VALUES (new.participant_id);
  INSERT INTO representation_member_recompute (participant_id) VALUES (new.participant_id);
  INSERT INTO representation_member_in (participant_id) VALUES (new.participant_id);
END;
--> statement-breakpoint
CREATE TRIGGER `representation_events_out_ii` INSTEAD OF INSERT ON `representation_events_out` BEGIN
  UPDATE representation_call_counts SET count = count - 1, key_sum = (key_sum + 4294967296 - record_key(f.secret, p.id)) % 4294967296
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN attendance a ON a.participant_id = p.id AND a.status = 'attended'
      JOIN calls c ON c.id = a.call_id AND c.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL
      AND representation_call_counts.call_id = a.call_id AND representation_call_counts.stakeholder_group = p.stakeholder_group AND representation_call_counts.region = coalesce(p.region, '')
      AND representation_call_counts.development_status = coalesce(p.development_status, '') AND representation_call_counts.gender = coalesce(p.gender, '')
      AND representation_call_counts.is_protected = p.is_protected;
  UPDATE representation_session_counts SET count = count - 1, key_sum = (key_sum + 4294967296 - record_key(f.secret, p.id)) % 4294967296
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN session_attendance sa ON sa.participant_id = p.id AND sa.status = 'attended'
      JOIN onsite_sessions s ON s.id = sa.session_id AND s.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL
      AND representation_session_counts.session_id = sa.session_id AND representation_session_counts.stakeholder_group = p.stakeholder_group AND representation_session_counts.region = coalesce(p.region, '')
      AND representation_session_counts.development_status = coalesce(p.development_status, '') AND representation_session_counts.gender = coalesce(p.gender, '')
      AND representation_session_counts.is_protected = p.is_protected;
END;
--> statement-breakpoint
CREATE TRIGGER `representation_events_in_ii` INSTEAD OF INSERT ON `representation_events_in` BEGIN
  INSERT INTO representation_call_counts (call_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
    SELECT a.call_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, 1, record_key(f.secret, p.id)
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN attendance a ON a.participant_id = p.id AND a.status = 'attended'
      JOIN calls c ON c.id = a.call_id AND c.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL
    ON CONFLICT DO UPDATE SET count = count + 1, key_sum = (key_sum + excluded.key_sum) % 4294967296;
  INSERT INTO representation_session_counts (session_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
    SELECT sa.session_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, 1, record_key(f.secret, p.id)
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN session_attendance sa ON sa.participant_id = p.id AND sa.status = 'attended'
      JOIN onsite_sessions s ON s.id = sa.session_id AND s.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL
    ON CONFLICT DO UPDATE SET count = count + 1, key_sum = (key_sum + excluded.key_sum) % 4294967296;
END;
--> statement-breakpoint
CREATE TRIGGER `representation_participants_ai` AFTER INSERT ON `participants` BEGIN
  INSERT INTO representation_people (participant_id, forum_id, first_call_at, first_session_at)
    VALUES (new.id, new.forum_id, 9007199254740991, 9007199254740991);
  INSERT INTO representation_member_in (participant_id) VALUES (new.id);
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'participants', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `representation_participants_bu` BEFORE UPDATE OF stakeholder_group, region, development_status, gender, is_protected, removed_at, forum_id ON `participants`
  WHEN old.stakeholder_group IS NOT new.stakeholder_group OR old.region IS NOT new.region OR old.development_status IS NOT new.development_status OR old.gender IS NOT new.gender OR old.is_protected IS NOT new.is_protected OR old.removed_at IS NOT new.removed_at OR old.forum_id IS NOT new.forum_id BEGIN
  INSERT INTO representation_member_out (participant_id) VALUES (old.id);
  INSERT INTO representation_events_out (participant_id) VALUES (old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `representation_participants_au` AFTER UPDATE OF stakeholder_group, region, development_status, gender, is_protected, removed_at, forum_id ON `participants`
  WHEN old.stakeholder_group IS NOT new.stakeholder_group OR old.region IS NOT new.region OR old.development_status IS NOT new.development_status OR old.gender IS NOT new.gender OR old.is_protected IS NOT new.is_protected OR old.removed_at IS NOT new.removed_at OR old.forum_id IS NOT new.forum_id BEGIN
  INSERT INTO representation_member_recompute (participant_id) VALUES (new.id);
  INSERT INTO representation_member_in (participant_id) VALUES (new.id);
  INSERT INTO representation_events_in (participant_id) VALUES (new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_participants_au` AFTER UPDATE ON `participants` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'participants', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `representation_participants_bd` BEFORE DELETE ON `participants` BEGIN
  INSERT INTO representation_member_out (participant_id) VALUES (old.id);
  INSERT INTO representation_events_out (participant_id) VALUES (old.id);
  DELETE FROM representation_people WHERE participant_id = old.id;
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'participants';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_attendance_ai` AFTER INSERT ON `attendance` BEGIN
  INSERT INTO representation_call_counts (call_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
    SELECT new.call_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, 1, record_key(f.secret, p.id)
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN calls e ON e.id = new.call_id AND e.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL AND new.status = 'attended'
    ON CONFLICT DO UPDATE SET count = count + 1, key_sum = (key_sum + excluded.key_sum) % 4294967296;
  INSERT INTO representation_member_refresh (participant_id)
    SELECT new.participant_id FROM calls e JOIN representation_people rp ON rp.participant_id = new.participant_id
    WHERE new.status = 'attended' AND e.id = new.call_id AND e.status <> 'cancelled' AND e.start_at < rp.first_call_at;
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM calls WHERE id = new.call_id) AND area = 'calls';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_attendance_au` AFTER UPDATE ON `attendance` BEGIN
  UPDATE representation_call_counts SET count = count - 1, key_sum = (key_sum + 4294967296 - record_key(f.secret, p.id)) % 4294967296
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN calls e ON e.id = old.call_id AND e.forum_id = p.forum_id
    WHERE p.id = old.participant_id AND p.removed_at IS NULL AND old.status = 'attended'
      AND representation_call_counts.call_id = old.call_id AND representation_call_counts.stakeholder_group = p.stakeholder_group AND representation_call_counts.region = coalesce(p.region, '')
      AND representation_call_counts.development_status = coalesce(p.development_status, '') AND representation_call_counts.gender = coalesce(p.gender, '')
      AND representation_call_counts.is_protected = p.is_protected;
  INSERT INTO representation_call_counts (call_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
    SELECT new.call_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, 1, record_key(f.secret, p.id)
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN calls e ON e.id = new.call_id AND e.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL AND new.status = 'attended'
    ON CONFLICT DO UPDATE SET count = count + 1, key_sum = (key_sum + excluded.key_sum) % 4294967296;
  INSERT INTO representation_member_refresh (participant_id)
    SELECT old.participant_id WHERE old.status = 'attended' OR new.status = 'attended';
  INSERT INTO representation_member_refresh (participant_id)
    SELECT new.participant_id WHERE new.participant_id <> old.participant_id
      AND (old.status = 'attended' OR new.status = 'attended');
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM calls WHERE id = new.call_id) AND area = 'calls';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_attendance_ad` AFTER DELETE ON `attendance` BEGIN
  UPDATE representation_call_counts SET count = count - 1, key_sum = (key_sum + 4294967296 - record_key(f.secret, p.id)) % 4294967296
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN calls e ON e.id = old.call_id AND e.forum_id = p.forum_id
    WHERE p.id = old.participant_id AND p.removed_at IS NULL AND old.status = 'attended'
      AND representation_call_counts.call_id = old.call_id AND representation_call_counts.stakeholder_group = p.stakeholder_group AND representation_call_counts.region = coalesce(p.region, '')
      AND representation_call_counts.development_status = coalesce(p.development_status, '') AND representation_call_counts.gender = coalesce(p.gender, '')
      AND representation_call_counts.is_protected = p.is_protected;
  INSERT INTO representation_member_refresh (participant_id)
    SELECT old.participant_id WHERE old.status = 'attended';
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM calls WHERE id = old.call_id) AND area = 'calls';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_calls_au` AFTER UPDATE OF status, start_at, forum_id ON `calls`
  WHEN (old.status = 'cancelled') IS NOT (new.status = 'cancelled') OR old.start_at IS NOT new.start_at
    OR old.forum_id IS NOT new.forum_id BEGIN
  INSERT INTO representation_member_refresh (participant_id)
    SELECT participant_id FROM attendance WHERE call_id = new.id AND status = 'attended';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_calls_ai` AFTER INSERT ON `calls` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'calls', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_calls_au` AFTER UPDATE ON `calls` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'calls', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_calls_ad` AFTER DELETE ON `calls` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'calls';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_session_attendance_ai` AFTER INSERT ON `session_attendance` BEGIN
  INSERT INTO representation_session_counts (session_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
    SELECT new.session_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, 1, record_key(f.secret, p.id)
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN onsite_sessions e ON e.id = new.session_id AND e.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL AND new.status = 'attended'
    ON CONFLICT DO UPDATE SET count = count + 1, key_sum = (key_sum + excluded.key_sum) % 4294967296;
  INSERT INTO representation_member_refresh (participant_id)
    SELECT new.participant_id FROM onsite_sessions e JOIN representation_people rp ON rp.participant_id = new.participant_id
    WHERE new.status = 'attended' AND e.id = new.session_id AND e.status <> 'cancelled' AND e.start_at < rp.first_session_at;
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM onsite_sessions WHERE id = new.session_id) AND area = 'sessions';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_session_attendance_au` AFTER UPDATE ON `session_attendance` BEGIN
  UPDATE representation_session_counts SET count = count - 1, key_sum = (key_sum + 4294967296 - record_key(f.secret, p.id)) % 4294967296
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN onsite_sessions e ON e.id = old.session_id AND e.forum_id = p.forum_id
    WHERE p.id = old.participant_id AND p.removed_at IS NULL AND old.status = 'attended'
      AND representation_session_counts.session_id = old.session_id AND representation_session_counts.stakeholder_group = p.stakeholder_group AND representation_session_counts.region = coalesce(p.region, '')
      AND representation_session_counts.development_status = coalesce(p.development_status, '') AND representation_session_counts.gender = coalesce(p.gender, '')
      AND representation_session_counts.is_protected = p.is_protected;
  INSERT INTO representation_session_counts (session_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
    SELECT new.session_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, 1, record_key(f.secret, p.id)
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN onsite_sessions e ON e.id = new.session_id AND e.forum_id = p.forum_id
    WHERE p.id = new.participant_id AND p.removed_at IS NULL AND new.status = 'attended'
    ON CONFLICT DO UPDATE SET count = count + 1, key_sum = (key_sum + excluded.key_sum) % 4294967296;
  INSERT INTO representation_member_refresh (participant_id)
    SELECT old.participant_id WHERE old.status = 'attended' OR new.status = 'attended';
  INSERT INTO representation_member_refresh (participant_id)
    SELECT new.participant_id WHERE new.participant_id <> old.participant_id
      AND (old.status = 'attended' OR new.status = 'attended');
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM onsite_sessions WHERE id = new.session_id) AND area = 'sessions';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_session_attendance_ad` AFTER DELETE ON `session_attendance` BEGIN
  UPDATE representation_session_counts SET count = count - 1, key_sum = (key_sum + 4294967296 - record_key(f.secret, p.id)) % 4294967296
    FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN onsite_sessions e ON e.id = old.session_id AND e.forum_id = p.forum_id
    WHERE p.id = old.participant_id AND p.removed_at IS NULL AND old.status = 'attended'
      AND representation_session_counts.session_id = old.session_id AND representation_session_counts.stakeholder_group = p.stakeholder_group AND representation_session_counts.region = coalesce(p.region, '')
      AND representation_session_counts.development_status = coalesce(p.development_status, '') AND representation_session_counts.gender = coalesce(p.gender, '')
      AND representation_session_counts.is_protected = p.is_protected;
  INSERT INTO representation_member_refresh (participant_id)
    SELECT old.participant_id WHERE old.status = 'attended';
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM onsite_sessions WHERE id = old.session_id) AND area = 'sessions';
END;
--> statement-breakpoint
CREATE TRIGGER `representation_onsite_sessions_au` AFTER UPDATE OF status, start_at, forum_id ON `onsite_sessions`
  WHEN (old.status = 'cancelled') IS NOT (new.status = 'cancelled') OR old.start_at IS NOT new.start_at
    OR old.forum_id IS NOT new.forum_id BEGIN
  INSERT INTO representation_member_refresh (participant_id)
    SELECT participant_id FROM session_attendance WHERE session_id = new.id AND status = 'attended';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_onsite_sessions_ai` AFTER INSERT ON `onsite_sessions` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'sessions', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_onsite_sessions_au` AFTER UPDATE ON `onsite_sessions` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'sessions', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_onsite_sessions_ad` AFTER DELETE ON `onsite_sessions` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'sessions';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_contributions_i` AFTER INSERT ON `contributions` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'contributions', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_contributions_u` AFTER UPDATE ON `contributions` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'contributions', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_contributions_d` AFTER DELETE ON `contributions` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'contributions';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_themes_i` AFTER INSERT ON `themes` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'contributions', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_themes_u` AFTER UPDATE ON `themes` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'contributions', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_themes_d` AFTER DELETE ON `themes` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'contributions';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_stakeholder_map_cells_i` AFTER INSERT ON `stakeholder_map_cells` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'representation', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_stakeholder_map_cells_u` AFTER UPDATE ON `stakeholder_map_cells` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'representation', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_stakeholder_map_cells_d` AFTER DELETE ON `stakeholder_map_cells` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'representation';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_representation_settings_i` AFTER INSERT ON `representation_settings` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'representation', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_representation_settings_u` AFTER UPDATE ON `representation_settings` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'representation', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_representation_settings_d` AFTER DELETE ON `representation_settings` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'representation';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_milestones_i` AFTER INSERT ON `milestones` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'forum', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_milestones_u` AFTER UPDATE ON `milestones` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'forum', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_milestones_d` AFTER DELETE ON `milestones` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'forum';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_reports_i` AFTER INSERT ON `reports` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'comments', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_reports_u` AFTER UPDATE ON `reports` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'comments', 1 FROM forums WHERE id = new.forum_id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_reports_d` AFTER DELETE ON `reports` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = old.forum_id AND area = 'comments';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_contribution_themes_i` AFTER INSERT ON `contribution_themes` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'contributions', 1 FROM forums WHERE id = (SELECT forum_id FROM contributions WHERE id = new.contribution_id)
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_contribution_themes_u` AFTER UPDATE ON `contribution_themes` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'contributions', 1 FROM forums WHERE id = (SELECT forum_id FROM contributions WHERE id = new.contribution_id)
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_contribution_themes_d` AFTER DELETE ON `contribution_themes` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM contributions WHERE id = old.contribution_id) AND area = 'contributions';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_comment_rounds_i` AFTER INSERT ON `comment_rounds` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'comments', 1 FROM forums WHERE id = (SELECT forum_id FROM reports WHERE id = new.report_id)
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_comment_rounds_u` AFTER UPDATE ON `comment_rounds` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'comments', 1 FROM forums WHERE id = (SELECT forum_id FROM reports WHERE id = new.report_id)
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_comment_rounds_d` AFTER DELETE ON `comment_rounds` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT forum_id FROM reports WHERE id = old.report_id) AND area = 'comments';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_report_comments_i` AFTER INSERT ON `report_comments` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'comments', 1 FROM forums WHERE id = (SELECT rp.forum_id FROM comment_rounds r JOIN reports rp ON rp.id = r.report_id WHERE r.id = new.round_id)
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_report_comments_u` AFTER UPDATE ON `report_comments` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'comments', 1 FROM forums WHERE id = (SELECT rp.forum_id FROM comment_rounds r JOIN reports rp ON rp.id = r.report_id WHERE r.id = new.round_id)
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_report_comments_d` AFTER DELETE ON `report_comments` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE forum_id = (SELECT rp.forum_id FROM comment_rounds r JOIN reports rp ON rp.id = r.report_id WHERE r.id = old.round_id) AND area = 'comments';
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_nris_u` AFTER UPDATE ON `nris` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE area = 'sessions'
    AND forum_id IN (SELECT forum_id FROM onsite_sessions WHERE nri_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_nris_d` AFTER DELETE ON `nris` BEGIN
  UPDATE forum_data_versions SET version = version + 1 WHERE area = 'sessions'
    AND forum_id IN (SELECT forum_id FROM onsite_sessions WHERE nri_id = old.id);
END;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_forums_u` AFTER UPDATE ON `forums` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'forum', 1 FROM forums WHERE id = new.id
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
--> statement-breakpoint
INSERT INTO representation_people (participant_id, forum_id, first_call_at, first_session_at)
  SELECT p.id, p.forum_id,
    coalesce((SELECT min(c.start_at) FROM attendance a JOIN calls c ON c.id = a.call_id
      WHERE a.participant_id = p.id AND a.status = 'attended' AND c.status <> 'cancelled' AND c.forum_id = p.forum_id), 9007199254740991),
    coalesce((SELECT min(s.start_at) FROM session_attendance sa JOIN onsite_sessions s ON s.id = sa.session_id
      WHERE sa.participant_id = p.id AND sa.status = 'attended' AND s.status <> 'cancelled' AND s.forum_id = p.forum_id), 9007199254740991)
  FROM participants p;
--> statement-breakpoint
INSERT INTO representation_counts (forum_id, stakeholder_group, region, development_status, gender, is_protected, first_call_at, first_session_at, count, key_sum)
  SELECT p.forum_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, rp.first_call_at, rp.first_session_at, count(*), sum(record_key(f.secret, p.id)) % 4294967296
  FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id WHERE p.removed_at IS NULL
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;
--> statement-breakpoint
INSERT INTO representation_call_counts (call_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
  SELECT a.call_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, count(*), sum(record_key(f.secret, p.id)) % 4294967296
  FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN attendance a ON a.participant_id = p.id AND a.status = 'attended'
    JOIN calls c ON c.id = a.call_id AND c.forum_id = p.forum_id
  WHERE p.removed_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO representation_session_counts (session_id, stakeholder_group, region, development_status, gender, is_protected, count, key_sum)
  SELECT sa.session_id, p.stakeholder_group, coalesce(p.region, ''), coalesce(p.development_status, ''), coalesce(p.gender, ''), p.is_protected, count(*), sum(record_key(f.secret, p.id)) % 4294967296
  FROM participants p JOIN representation_people rp ON rp.participant_id = p.id
      JOIN forums f ON f.id = p.forum_id JOIN session_attendance sa ON sa.participant_id = p.id AND sa.status = 'attended'
    JOIN onsite_sessions s ON s.id = sa.session_id AND s.forum_id = p.forum_id
  WHERE p.removed_at IS NULL GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
INSERT INTO forum_data_versions (forum_id, area, version)
  SELECT f.id, a.area, 1 FROM forums f CROSS JOIN (SELECT 'participants' AS area UNION ALL SELECT 'calls'
    UNION ALL SELECT 'sessions' UNION ALL SELECT 'contributions' UNION ALL SELECT 'representation'
    UNION ALL SELECT 'forum' UNION ALL SELECT 'comments') a;
--> statement-breakpoint
-- Contributions search keeps the forum in the full-text key (issue 15): a `forum` column holding
-- one token per forum ('f' + the forum id without hyphens), so a search is
-- `forum : f<id> AND (<terms>)` inside FTS5 and never reads a contributions row to check its
-- forum. Its bm25 weight is 0 (it never ranks).
DROP TRIGGER `contributions_search_ai`;
--> statement-breakpoint
DROP TRIGGER `contributions_search_au`;
--> statement-breakpoint
DROP TRIGGER `contributions_search_ad`;
--> statement-breakpoint
DROP TABLE `contributions_fts`;
--> statement-breakpoint
DROP VIEW `contribution_search_docs`;
--> statement-breakpoint
CREATE VIEW `contribution_search_docs` AS
	SELECT k.`key` AS `key`, c.`title` AS `title`, c.`summary` AS `summary`, c.`body` AS `body`,
		'f' || lower(replace(c.`forum_id`, '-', '')) AS `forum`
	FROM `contribution_search_keys` k JOIN `contributions` c ON c.`id` = k.`contribution_id`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `contributions_fts` USING fts5(
	title, summary, body, forum,
	content = 'contribution_search_docs', content_rowid = 'key',
	tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `contributions_search_ai` AFTER INSERT ON `contributions` BEGIN
	INSERT INTO contribution_search_keys (contribution_id) VALUES (new.id);
	INSERT INTO contributions_fts (rowid, title, summary, body, forum)
		VALUES (last_insert_rowid(), new.title, new.summary, new.body,
			'f' || lower(replace(new.forum_id, '-', '')));
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_search_au` AFTER UPDATE OF title, summary, body, forum_id ON `contributions` BEGIN
	INSERT INTO contributions_fts (contributions_fts, rowid, title, summary, body, forum)
		SELECT 'delete', k.key, old.title, old.summary, old.body, 'f' || lower(replace(old.forum_id, '-', ''))
		FROM contribution_search_keys k WHERE k.contribution_id = old.id;
	INSERT INTO contributions_fts (rowid, title, summary, body, forum)
		SELECT k.key, new.title, new.summary, new.body, 'f' || lower(replace(new.forum_id, '-', ''))
		FROM contribution_search_keys k WHERE k.contribution_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `contributions_search_ad` AFTER DELETE ON `contributions` BEGIN
	INSERT INTO contributions_fts (contributions_fts, rowid, title, summary, body, forum)
		SELECT 'delete', k.key, old.title, old.summary, old.body, 'f' || lower(replace(old.forum_id, '-', ''))
		FROM contribution_search_keys k WHERE k.contribution_id = old.id;
	DELETE FROM contribution_search_keys WHERE contribution_id = old.id;
END;
--> statement-breakpoint
INSERT INTO `contributions_fts` (`contributions_fts`) VALUES ('rebuild');
