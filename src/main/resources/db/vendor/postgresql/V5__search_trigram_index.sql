-- PostgreSQL only: a trigram index for the grid's substring search (docs/benchmarks/grid.md).
-- Vendor-specific, so it lives in db/vendor/postgresql (decision 0003); db/vendor/h2 holds V5 with the same
-- description for H2, which has no trigram index and runs nothing.
--
-- On PostgreSQL the grid searches with search_text LIKE '%term%' (IntegrationQueries), which this index
-- answers: a rare term or no match reads the few candidate rows instead of the whole table, and a count
-- with a search no longer reads every row. Without it the search is still correct, only slower.
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13: the database owner,
-- or any role with CREATE on the database, may create it. If this role may not, or the server lacks the
-- contrib package, the migration only warns and leaves the index out. An administrator can add both later:
--     CREATE EXTENSION IF NOT EXISTS pg_trgm;
--     CREATE INDEX ix_integration_search_trgm ON integration USING gin (search_text gin_trgm_ops);
DO $$
DECLARE
    ops_schema name;
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXCEPTION WHEN OTHERS THEN
        RAISE WARNING 'pg_trgm could not be created (%): the integrations grid search will read the whole'
            ' table. See V5__search_trigram_index.sql for what an administrator can run.', SQLERRM;
    END;
    -- Wherever the extension was installed (also an existing one in another schema).
    SELECT n.nspname INTO ops_schema
    FROM pg_opclass c
    JOIN pg_namespace n ON n.oid = c.opcnamespace
    JOIN pg_am a ON a.oid = c.opcmethod
    WHERE c.opcname = 'gin_trgm_ops' AND a.amname = 'gin';
    IF ops_schema IS NOT NULL THEN
        EXECUTE format('CREATE INDEX ix_integration_search_trgm ON integration USING gin (search_text %I.gin_trgm_ops)',
            ops_schema);
    END IF;
END
$$;
