-- Repair-knowledge search that costs about as much at 100,000 records as at 10,000: a search looks for its matches
-- among the newest records first (a window on closed_at, combined with the full-text index), and takes every
-- recommended record along; see KnowledgeService.search.
create index repair_knowledge_recent_idx on repair_knowledge (closed_at);
create index repair_knowledge_recommended_idx on repair_knowledge (closed_at) where curation = 'RECOMMENDED';

-- Records are written one at a time as tickets close: no pending list that every search would have to read.
alter index repair_knowledge_document_idx set (fastupdate = off);
select gin_clean_pending_list('repair_knowledge_document_idx'::regclass);
