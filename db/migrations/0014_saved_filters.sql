CREATE TABLE `saved_filters` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`list` text NOT NULL,
	`name` text NOT NULL,
	`params` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_filters_forum_list_name_uq` ON `saved_filters` (`forum_id`,`list`,`name`);