CREATE TABLE `disruptive_actors` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`name` text NOT NULL,
	`names` text DEFAULT '[]' NOT NULL,
	`emails` text DEFAULT '[]' NOT NULL,
	`handles` text DEFAULT '[]' NOT NULL,
	`excluded` integer DEFAULT false NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `actors_forum_idx` ON `disruptive_actors` (`forum_id`);--> statement-breakpoint
CREATE TABLE `incident_actors` (
	`incident_id` text NOT NULL,
	`actor_id` text NOT NULL,
	PRIMARY KEY(`incident_id`, `actor_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `disruptive_actors`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `incident_targets` (
	`incident_id` text NOT NULL,
	`participant_id` text NOT NULL,
	PRIMARY KEY(`incident_id`, `participant_id`),
	FOREIGN KEY (`incident_id`) REFERENCES `incidents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `incidents` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`channel` text NOT NULL,
	`severity` text NOT NULL,
	`status` text NOT NULL,
	`description` text NOT NULL,
	`actions` text DEFAULT '[]' NOT NULL,
	`support_offered` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `incidents_forum_idx` ON `incidents` (`forum_id`,`occurred_at`);--> statement-breakpoint
CREATE INDEX `participants_forum_protected_idx` ON `participants` (`forum_id`,`is_protected`);