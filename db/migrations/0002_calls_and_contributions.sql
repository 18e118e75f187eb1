CREATE TABLE `action_items` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`call_id` text,
	`title` text NOT NULL,
	`owner_id` text,
	`due_date` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `action_items_forum_idx` ON `action_items` (`forum_id`,`status`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`call_id` text NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`owner_id` text,
	`minutes` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `agenda_call_idx` ON `agenda_items` (`call_id`,`position`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`call_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`call_id`, `participant_id`),
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `attendance_participant_idx` ON `attendance` (`participant_id`);--> statement-breakpoint
CREATE TABLE `call_series` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`title` text NOT NULL,
	`first_date` text NOT NULL,
	`cadence_weeks` integer DEFAULT 2 NOT NULL,
	`end_date` text,
	`occurrence_count` integer,
	`duration_minutes` integer NOT NULL,
	`slots` text NOT NULL,
	`meeting_link` text DEFAULT '' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `call_series_forum_idx` ON `call_series` (`forum_id`);--> statement-breakpoint
CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`series_id` text,
	`occurrence_index` integer,
	`original_start_at` integer,
	`start_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`zone` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`moved` integer DEFAULT false NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`series_id`) REFERENCES `call_series`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `calls_forum_start_idx` ON `calls` (`forum_id`,`start_at`);--> statement-breakpoint
CREATE INDEX `calls_series_idx` ON `calls` (`series_id`,`occurrence_index`);--> statement-breakpoint
CREATE TABLE `contribution_history` (
	`id` text PRIMARY KEY NOT NULL,
	`contribution_id` text NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contribution_history_idx` ON `contribution_history` (`contribution_id`,`at`);--> statement-breakpoint
CREATE TABLE `contribution_themes` (
	`contribution_id` text NOT NULL,
	`theme_id` text NOT NULL,
	PRIMARY KEY(`contribution_id`, `theme_id`),
	FOREIGN KEY (`contribution_id`) REFERENCES `contributions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_id`) REFERENCES `themes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contribution_themes_theme_idx` ON `contribution_themes` (`theme_id`);--> statement-breakpoint
CREATE TABLE `contributions` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`title` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`kind` text NOT NULL,
	`country` text,
	`region` text,
	`source` text NOT NULL,
	`source_call_id` text,
	`source_session_id` text,
	`contributor_id` text,
	`contributor_name` text DEFAULT '' NOT NULL,
	`contributor_organisation` text DEFAULT '' NOT NULL,
	`language` text DEFAULT 'en' NOT NULL,
	`received_on` text NOT NULL,
	`links` text DEFAULT '[]' NOT NULL,
	`attribution` text DEFAULT 'anonymous' NOT NULL,
	`may_publish` integer DEFAULT false NOT NULL,
	`consent_given_on` text,
	`consent_method` text,
	`consent_withdrawn_at` integer,
	`consent_withdrawn_scope` text,
	`status` text DEFAULT 'submitted' NOT NULL,
	`reviewer_notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_session_id`) REFERENCES `onsite_sessions`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`contributor_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `contributions_forum_status_idx` ON `contributions` (`forum_id`,`status`);--> statement-breakpoint
CREATE INDEX `contributions_forum_region_idx` ON `contributions` (`forum_id`,`region`);--> statement-breakpoint
CREATE INDEX `contributions_forum_received_idx` ON `contributions` (`forum_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `contributions_contributor_idx` ON `contributions` (`contributor_id`);--> statement-breakpoint
CREATE TABLE `nris` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`country` text,
	`region` text,
	`website` text DEFAULT '' NOT NULL,
	`contact_name` text DEFAULT '' NOT NULL,
	`contact_email` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `onsite_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`nri_id` text,
	`title` text NOT NULL,
	`start_at` integer NOT NULL,
	`duration_minutes` integer NOT NULL,
	`zone` text NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`format` text NOT NULL,
	`local_hosts` text DEFAULT '' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`outcomes` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'scheduled' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`nri_id`) REFERENCES `nris`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `onsite_sessions_forum_idx` ON `onsite_sessions` (`forum_id`,`start_at`);--> statement-breakpoint
CREATE TABLE `session_attendance` (
	`session_id` text NOT NULL,
	`participant_id` text NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`session_id`, `participant_id`),
	FOREIGN KEY (`session_id`) REFERENCES `onsite_sessions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `themes` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `themes_forum_name_uq` ON `themes` (`forum_id`,`name`);