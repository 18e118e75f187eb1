CREATE INDEX `participants_forum_role_order_idx` ON `participants` (`forum_id`,`removed_at`,`role`,`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `participants_forum_created_order_idx` ON `participants` (`forum_id`,`removed_at`,`created_at`,`sort_name`,`id`);--> statement-breakpoint
CREATE INDEX `participants_public_group_order_idx` ON `participants` (`forum_id`,`removed_at`,`stakeholder_group`,`sort_name`,`id`) WHERE consent_listed = 1 AND is_protected = 0;--> statement-breakpoint
CREATE INDEX `participants_public_role_order_idx` ON `participants` (`forum_id`,`removed_at`,`role`,`sort_name`,`id`) WHERE consent_listed = 1 AND is_protected = 0;--> statement-breakpoint
CREATE INDEX `participants_public_created_order_idx` ON `participants` (`forum_id`,`removed_at`,`created_at`,`sort_name`,`id`) WHERE consent_listed = 1 AND is_protected = 0;--> statement-breakpoint
-- hand-written below: keep when regenerating
--
-- Expression indexes drizzle-kit cannot express. Sorting the participant list by country read and
-- sorted the whole forum (~530 ms a page at 100,000); the public directory sorted by organisation
-- or country read every row of a deep page's offset to check the listing flags (2-12x the
-- coordinators' page). The expressions are those of SORT_COLUMNS in db/queries/participants.ts,
-- character for character: SQLite uses an expression index only for the same expression.
CREATE INDEX `participants_forum_country_idx` ON `participants` (`forum_id`, `removed_at`, coalesce(`country`, ''), `sort_name`, `id`);
--> statement-breakpoint
CREATE INDEX `participants_public_organisation_idx` ON `participants` (`forum_id`, `removed_at`, coalesce(`organisation`, '') COLLATE NOCASE, `sort_name`, `id`) WHERE consent_listed = 1 AND is_protected = 0;
--> statement-breakpoint
CREATE INDEX `participants_public_country_idx` ON `participants` (`forum_id`, `removed_at`, coalesce(`country`, ''), `sort_name`, `id`) WHERE consent_listed = 1 AND is_protected = 0;
