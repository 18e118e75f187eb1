ALTER TABLE `forums` ADD `retention_months` integer;--> statement-breakpoint
ALTER TABLE `forums` ADD `retention_applied_at` integer;