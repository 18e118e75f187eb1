CREATE TABLE `trash` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_id` text NOT NULL,
	`label` text NOT NULL,
	`payload` text NOT NULL,
	`deleted_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `trash_forum_idx` ON `trash` (`forum_id`,`deleted_at`);--> statement-breakpoint
ALTER TABLE `attendance` ADD `minutes_present` integer;--> statement-breakpoint
ALTER TABLE `call_series` ADD `reminders` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `forums` ADD `archived_at` integer;