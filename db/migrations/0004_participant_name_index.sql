DROP INDEX `participants_forum_name_idx`;--> statement-breakpoint
CREATE INDEX `participants_forum_name_idx` ON `participants` (`forum_id`,`removed_at`,`sort_name`,`id`);