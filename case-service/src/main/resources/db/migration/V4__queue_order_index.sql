-- The queue's order (nearest deadline first, then oldest) as an index, so a page of a county-wide
-- queue reads its first rows in order instead of sorting every case in scope; the division prefix
-- is then a cheap filter on the rows walked. (The benchmark at 1,000,000 cases sorted them all.)
create index case_file_due_order on case_file (next_due_on asc nulls last, received_at);
