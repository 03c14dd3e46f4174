CREATE TABLE "slack_installations" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text,
	"enterprise_id" text,
	"is_enterprise_install" boolean DEFAULT false NOT NULL,
	"app_id" text,
	"bot_user_id" text,
	"bot_id" text,
	"scopes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"installer_user_id" text,
	"sealed" text NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slack_org_workspaces" (
	"team_id" text PRIMARY KEY NOT NULL,
	"enterprise_id" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "leaderboard_hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "slack_installations_enterprise" ON "slack_installations" USING btree ("enterprise_id");