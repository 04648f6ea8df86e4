-- A board restored from a session's recording holds that session's content: it is private to the person
-- who restored it (and admins), unlike a scratch board, which any signed-in account may open by its link.
alter table board add column private_to_owner boolean not null default false;

create index board_created_by_idx on board (created_by, created_at desc);
