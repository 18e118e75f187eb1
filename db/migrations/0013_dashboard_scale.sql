-- hand-written below: keep when regenerating
--
-- The representation dashboard and the report at scale (issue 15).
--
-- Who to invite and who is behind a dominance alert (db/queries/representation.ts
-- membersNotAttending, recentAttendees): the members walked in the order shown, so a page of 10
-- reads about 10 members instead of sorting the whole forum or group (5.7 s at 100,000).
CREATE INDEX `participants_forum_invite_order_idx` ON `participants` (`forum_id`, `removed_at`, `consent_invitations` DESC, `sort_name`, `id`);
--> statement-breakpoint
CREATE INDEX `participants_forum_group_invite_order_idx` ON `participants` (`forum_id`, `removed_at`, `stakeholder_group`, `consent_invitations` DESC, `sort_name`, `id`);
--> statement-breakpoint
CREATE INDEX `participants_forum_group_name_idx` ON `participants` (`forum_id`, `removed_at`, `stakeholder_group`, `sort_name`, `id`);
--> statement-breakpoint
-- Editing a report (any section saved touches reports.updated_at) bumped the forum's 'comments'
-- data version, so every generated section showed as out of date after any edit. No generated
-- section reads a report's own row, only its comment rounds and comments (which keep their
-- triggers): only a report moving to another forum counts.
DROP TRIGGER `forum_versions_reports_u`;
--> statement-breakpoint
CREATE TRIGGER `forum_versions_reports_u` AFTER UPDATE OF forum_id ON `reports` BEGIN
  INSERT INTO forum_data_versions (forum_id, area, version)
    SELECT id, 'comments', 1 FROM forums WHERE id IN (old.forum_id, new.forum_id)
    ON CONFLICT DO UPDATE SET version = version + 1;
END;
