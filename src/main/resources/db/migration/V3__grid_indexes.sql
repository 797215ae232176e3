-- The integrations grid at 100,000 rows (docs/benchmarks/grid.md).
--
-- A search scans these instead of the rows: the grid's two usual orders with the search text alongside,
-- so a page of matches (and, on H2, their count) is read from the index alone, and only the page's 50
-- rows are then fetched. The widest possible entry (name or timestamp and id, plus 616 characters of at
-- most 4 bytes) stays under PostgreSQL's b-tree entry limit.
CREATE INDEX ix_integration_name_search ON integration (name_key, search_text);

-- (updated_at, id) is a prefix of the new index, which serves the plain "by update time" pages as well.
DROP INDEX ix_integration_updated_at;
CREATE INDEX ix_integration_updated_search ON integration (updated_at, id, search_text);
