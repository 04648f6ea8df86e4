-- A clientId belongs to the user who first stored an op with it on a board, for good: another user's
-- hello with it is refused, so exactly-once [S4] keys on (user, clientId) in effect.
alter table client_cursor add column user_id text;

update client_cursor c
   set user_id = (select o.author from board_op o
                   where o.board_id = c.board_id and o.client_id = c.client_id
                   order by o.seq limit 1);
