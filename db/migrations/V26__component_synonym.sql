-- Labels people wrote on boxes that the component vocabulary did not know, mapped to a kind by an interviewer on a
-- review page; kept for every later review of this installation. `key` is the label as matching reads it (lower case,
-- punctuation and repeated spaces dropped), so "Vector-DB" and "vector db" are one label.
create table component_synonym (
    key         text        primary key check (length(key) between 1 and 200),
    label       text        not null check (length(label) between 1 and 200),
    kind        text        not null check (length(kind) between 1 and 60),
    created_by  text        not null,
    created_at  timestamptz not null
);
