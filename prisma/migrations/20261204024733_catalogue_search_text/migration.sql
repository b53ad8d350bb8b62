-- The public catalogue's search finds a phrase anywhere in a credential's title, reference or summary. Matching it
-- case-insensitively against three columns lower-cased every listed credential's text on every search; this column
-- holds the three already lower-cased (ASCII letters, whatever the database's locale, as the search lower-cases the
-- phrase), and a trigram index finds the credentials that contain a phrase of three or more characters.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Credential" ADD COLUMN "searchText" TEXT NOT NULL
  GENERATED ALWAYS AS (lower(("title" || E'\n' || "reference" || E'\n' || coalesce("summary", '')) COLLATE "C")) STORED;

-- CreateIndex
CREATE INDEX "Credential_searchText_idx" ON "Credential" USING GIN ("searchText" gin_trgm_ops);

-- The planner estimates a search's matches from the new column's statistics.
ANALYZE "Credential";
