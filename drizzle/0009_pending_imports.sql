CREATE TABLE "pending_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"user_key" text NOT NULL,
	"file_name" text NOT NULL,
	"deck_id" text,
	"bytes" "bytea" NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pending_imports_expires_idx" ON "pending_imports" USING btree ("expires_at");