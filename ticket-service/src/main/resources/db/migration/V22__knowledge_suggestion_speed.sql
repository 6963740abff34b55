-- Suggestions of the same (server, check) and of the same check on servers of the same role read their five in the
-- order they are shown (recommended first, then those that worked, newest first), never every repair of that check:
-- the cost stays the same however many repairs a check has had. Repairs marked wrong are never suggested, so they are
-- left out of these indexes. See KnowledgeService.suggestions.
create index repair_knowledge_suggest_check_idx on repair_knowledge
    (server_id, check_key, (curation = 'RECOMMENDED') desc, worked desc, closed_at desc) where curation <> 'WRONG';
create index repair_knowledge_suggest_role_idx on repair_knowledge
    (check_key, server_role, (curation = 'RECOMMENDED') desc, worked desc, closed_at desc) where curation <> 'WRONG';
