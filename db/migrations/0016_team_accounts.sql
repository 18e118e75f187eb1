CREATE TABLE `team_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`email` text NOT NULL,
	`forum_id` text NOT NULL,
	`role` text NOT NULL,
	`invited_by` text NOT NULL,
	`totp_secret` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by`) REFERENCES `team_users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "team_invitations_role" CHECK("team_invitations"."role" IN ('coordinator', 'rapporteur', 'mag_reviewer', 'observer'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_invitations_token_uq` ON `team_invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `team_invitations_forum_email_idx` ON `team_invitations` (`forum_id`,`email`);--> statement-breakpoint
CREATE INDEX `team_invitations_invited_by_idx` ON `team_invitations` (`invited_by`);--> statement-breakpoint
CREATE TABLE `team_login_attempts` (
	`id` integer PRIMARY KEY NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `team_login_attempts_address_at_idx` ON `team_login_attempts` (`address`,`at`);--> statement-breakpoint
CREATE INDEX `team_login_attempts_at_idx` ON `team_login_attempts` (`at`);--> statement-breakpoint
CREATE TABLE `team_memberships` (
	`user_id` text NOT NULL,
	`forum_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`user_id`, `forum_id`),
	FOREIGN KEY (`user_id`) REFERENCES `team_users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forum_id`) REFERENCES `forums`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "team_memberships_role" CHECK("team_memberships"."role" IN ('coordinator', 'rapporteur', 'mag_reviewer', 'observer'))
);
--> statement-breakpoint
CREATE INDEX `team_memberships_forum_idx` ON `team_memberships` (`forum_id`);--> statement-breakpoint
CREATE TABLE `team_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token_hash` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`address` text NOT NULL,
	`user_agent` text,
	FOREIGN KEY (`user_id`) REFERENCES `team_users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_sessions_token_uq` ON `team_sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `team_sessions_user_idx` ON `team_sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `team_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`totp_secret` text,
	`totp_last_step` integer,
	`administrator` integer DEFAULT false NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer NOT NULL,
	`deactivated_at` integer,
	CONSTRAINT "team_users_email_normalised" CHECK("team_users"."email" = lower(trim("team_users"."email")))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `team_users_email_uq` ON `team_users` (`email`);