CREATE TABLE `comment_rounds` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`phase` integer NOT NULL,
	`title` text NOT NULL,
	`version_id` text NOT NULL,
	`opens_on` text,
	`closes_on` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`) REFERENCES `report_versions`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `comment_rounds_report_idx` ON `comment_rounds` (`report_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `report_comments` (
	`id` text PRIMARY KEY NOT NULL,
	`round_id` text NOT NULL,
	`ref` text DEFAULT '' NOT NULL,
	`section_id` text,
	`paragraph` integer,
	`participant_id` text,
	`commenter_name` text DEFAULT '' NOT NULL,
	`anonymous` integer DEFAULT false NOT NULL,
	`stakeholder_group` text,
	`channel` text NOT NULL,
	`received_on` text,
	`text` text NOT NULL,
	`disposition` text DEFAULT 'pending' NOT NULL,
	`response` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `comment_rounds`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`participant_id`) REFERENCES `participants`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `report_comments_round_idx` ON `report_comments` (`round_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `report_sections` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`position` integer NOT NULL,
	`level` integer DEFAULT 2 NOT NULL,
	`title` text NOT NULL,
	`kind` text DEFAULT 'text' NOT NULL,
	`markdown` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`fingerprint` text,
	`generated_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_sections_report_idx` ON `report_sections` (`report_id`,`position`);--> statement-breakpoint
CREATE TABLE `report_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`name` text NOT NULL,
	`sections` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `report_versions_report_idx` ON `report_versions` (`report_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `report_versions_name_uq` ON `report_versions` (`report_id`,`name`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`title` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `reports_forum_idx` ON `reports` (`forum_id`,`created_at`);