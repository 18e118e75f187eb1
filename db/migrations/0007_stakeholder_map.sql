CREATE TABLE `representation_settings` (
	`forum_id` text PRIMARY KEY NOT NULL,
	`dominance_share` real NOT NULL,
	`gender_threshold` real NOT NULL,
	`recent_calls` integer NOT NULL,
	`min_sample` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `stakeholder_map_cells` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`position` integer NOT NULL,
	`stakeholder_group` text,
	`region` text,
	`organisation` text,
	`level` text NOT NULL,
	`phases` text DEFAULT '[]' NOT NULL,
	`target_min` integer,
	`target_share` real,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `stakeholder_map_forum_idx` ON `stakeholder_map_cells` (`forum_id`,`position`);--> statement-breakpoint
CREATE INDEX `attendance_participant_status_idx` ON `attendance` (`participant_id`,`status`,`call_id`);--> statement-breakpoint
CREATE INDEX `participants_forum_representation_idx` ON `participants` (`forum_id`,`removed_at`,`stakeholder_group`,`region`,`development_status`,`gender`,`is_protected`,`id`);--> statement-breakpoint
CREATE INDEX `session_attendance_participant_idx` ON `session_attendance` (`participant_id`,`status`,`session_id`);