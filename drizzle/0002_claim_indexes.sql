DROP INDEX "deliveries_claimable";--> statement-breakpoint
CREATE INDEX "deliveries_pending" ON "deliveries" USING btree ("due_at") WHERE "deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "deliveries_sending" ON "deliveries" USING btree ("lease_until") WHERE "deliveries"."status" = 'sending';