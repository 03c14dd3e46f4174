CREATE TABLE "deck_media" (
	"deck_id" text NOT NULL,
	"name" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "deck_media_deck_id_name_pk" PRIMARY KEY("deck_id","name")
);
--> statement-breakpoint
CREATE TABLE "hidden_decks" (
	"tenant_id" text NOT NULL,
	"deck_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hidden_decks_tenant_id_deck_id_pk" PRIMARY KEY("tenant_id","deck_id")
);
--> statement-breakpoint
CREATE TABLE "media" (
	"hash" text PRIMARY KEY NOT NULL,
	"mime" text NOT NULL,
	"size" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cards" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "decks" ADD COLUMN "owner" text;--> statement-breakpoint
ALTER TABLE "deck_media" ADD CONSTRAINT "deck_media_deck_id_decks_id_fk" FOREIGN KEY ("deck_id") REFERENCES "public"."decks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deck_media" ADD CONSTRAINT "deck_media_hash_media_hash_fk" FOREIGN KEY ("hash") REFERENCES "public"."media"("hash") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hidden_decks" ADD CONSTRAINT "hidden_decks_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hidden_decks" ADD CONSTRAINT "hidden_decks_deck_id_decks_id_fk" FOREIGN KEY ("deck_id") REFERENCES "public"."decks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cards" ADD CONSTRAINT "cards_owner_tenants_id_fk" FOREIGN KEY ("owner") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decks" ADD CONSTRAINT "decks_owner_tenants_id_fk" FOREIGN KEY ("owner") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cards_owner" ON "cards" USING btree ("owner");