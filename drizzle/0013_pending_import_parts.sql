CREATE TABLE "pending_import_parts" (
	"import_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "pending_import_parts_import_id_part_pk" PRIMARY KEY("import_id","part")
);
--> statement-breakpoint
ALTER TABLE "pending_import_parts" ADD CONSTRAINT "pending_import_parts_import_id_pending_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."pending_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_imports" DROP COLUMN "bytes";