CREATE TABLE `plans` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`input` text NOT NULL,
	`result` text NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL,
	`schema_version` text NOT NULL,
	`catalog_version` text NOT NULL,
	`source_slug` text,
	`created_at_ms` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plans_slug_unique` ON `plans` (`slug`);--> statement-breakpoint
CREATE INDEX `plans_created_at_idx` ON `plans` (`created_at_ms`);