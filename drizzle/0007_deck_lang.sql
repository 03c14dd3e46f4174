ALTER TABLE "cards" ADD COLUMN "lang" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "decks" ADD COLUMN "lang" text DEFAULT 'en' NOT NULL;