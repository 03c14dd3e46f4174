CREATE TABLE "fsrs_optimizer_runs" (
	"run_date" date PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"people" integer
);
--> statement-breakpoint
CREATE TABLE "fsrs_parameters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"fitted_at" timestamp with time zone NOT NULL,
	"reviews" integer NOT NULL,
	"last_review_id" bigint NOT NULL,
	"weights_before" jsonb,
	"weights_fitted" jsonb NOT NULL,
	"logloss_before" double precision NOT NULL,
	"logloss_after" double precision NOT NULL,
	"rmse_before" double precision NOT NULL,
	"rmse_after" double precision NOT NULL,
	"adopted" boolean NOT NULL,
	"weights_adopted" jsonb
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "fsrs_weights" jsonb;--> statement-breakpoint
ALTER TABLE "fsrs_parameters" ADD CONSTRAINT "fsrs_parameters_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "fsrs_parameters_user_time" ON "fsrs_parameters" USING btree ("user_id","fitted_at");