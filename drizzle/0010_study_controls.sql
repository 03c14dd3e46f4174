CREATE TABLE "card_holds" (
	"user_id" bigint NOT NULL,
	"card_id" text NOT NULL,
	"suspended_at" timestamp with time zone,
	"suspended_as" text,
	"buried_until" timestamp with time zone,
	"leech_base" integer DEFAULT 0 NOT NULL,
	"leeches" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "card_holds_user_id_card_id_pk" PRIMARY KEY("user_id","card_id")
);
--> statement-breakpoint
CREATE TABLE "practice_reviews" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"tenant_id" text NOT NULL,
	"user_id" bigint NOT NULL,
	"card_id" text NOT NULL,
	"prompt_id" uuid NOT NULL,
	"rating" smallint NOT NULL,
	"answer" text,
	"verdict" text NOT NULL,
	"response_ms" integer,
	"reviewed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "prompts" ADD COLUMN "practice" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "leech_lapses" integer DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "card_holds" ADD CONSTRAINT "card_holds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "card_holds" ADD CONSTRAINT "card_holds_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_reviews" ADD CONSTRAINT "practice_reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_reviews" ADD CONSTRAINT "practice_reviews_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_reviews" ADD CONSTRAINT "practice_reviews_card_id_cards_id_fk" FOREIGN KEY ("card_id") REFERENCES "public"."cards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "card_holds_suspended" ON "card_holds" USING btree ("user_id") WHERE "card_holds"."suspended_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "practice_reviews_prompt" ON "practice_reviews" USING btree ("prompt_id");--> statement-breakpoint
CREATE INDEX "practice_reviews_user_time" ON "practice_reviews" USING btree ("user_id","reviewed_at");