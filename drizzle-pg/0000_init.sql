CREATE TABLE "plans" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"input" text NOT NULL,
	"result" text NOT NULL,
	"summary" text DEFAULT '{}' NOT NULL,
	"schema_version" text NOT NULL,
	"catalog_version" text NOT NULL,
	"source_slug" text,
	"created_at_ms" bigint NOT NULL,
	CONSTRAINT "plans_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE INDEX "plans_created_at_idx" ON "plans" USING btree ("created_at_ms");