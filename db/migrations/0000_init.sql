CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_forum_at_idx` ON `audit_log` (`forum_id`,`at`);--> statement-breakpoint
CREATE TABLE `forums` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`topic` text DEFAULT '' NOT NULL,
	`year` integer NOT NULL,
	`mandate` text DEFAULT '' NOT NULL,
	`secret` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`date` text NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `milestones_forum_idx` ON `milestones` (`forum_id`,`position`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` text PRIMARY KEY NOT NULL,
	`forum_id` text NOT NULL,
	`full_name` text NOT NULL,
	`preferred_name` text,
	`email` text,
	`email_key` text,
	`organisation` text,
	`stakeholder_group` text NOT NULL,
	`country` text,
	`region` text,
	`development_status` text,
	`gender` text,
	`gender_self_described` text,
	`languages` text DEFAULT '[]' NOT NULL,
	`time_zone` text,
	`aliases` text DEFAULT '[]' NOT NULL,
	`handles` text DEFAULT '[]' NOT NULL,
	`consent_listed` integer DEFAULT false NOT NULL,
	`consent_invitations` integer DEFAULT false NOT NULL,
	`role` text DEFAULT 'member' NOT NULL,
	`notes` text,
	`search_text` text NOT NULL,
	`sort_name` text NOT NULL,
	`is_protected` integer DEFAULT false NOT NULL,
	`pseudonym` text,
	`removed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `participants_forum_name_idx` ON `participants` (`forum_id`,`removed_at`,`sort_name`);--> statement-breakpoint
CREATE INDEX `participants_forum_group_idx` ON `participants` (`forum_id`,`stakeholder_group`);--> statement-breakpoint
CREATE INDEX `participants_forum_region_idx` ON `participants` (`forum_id`,`region`);--> statement-breakpoint
CREATE INDEX `participants_forum_role_idx` ON `participants` (`forum_id`,`role`);--> statement-breakpoint
CREATE INDEX `participants_forum_created_idx` ON `participants` (`forum_id`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `participants_forum_email_uq` ON `participants` (`forum_id`,`email_key`) WHERE email_key IS NOT NULL AND removed_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `participants_forum_pseudonym_uq` ON `participants` (`forum_id`,`pseudonym`) WHERE pseudonym IS NOT NULL;--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
