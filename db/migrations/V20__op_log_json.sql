-- The op log keeps each op's elements as the JSON text the client sent (type json: checked to be JSON, stored
-- as is) instead of jsonb. The text is only ever read back whole (the room's catch-up, replay, restore), and
-- jsonb made PostgreSQL take every element apart on the way in and write it out again on the way out. The
-- authorship query reads it with the json functions. Snapshots are read whole in the same way.
alter table board_op alter column elements type json using elements::json;
alter table board_snapshot alter column elements type json using elements::json;
