// The ceiling: a minimal WebSocket relay. A text frame received on room X (the URL path) is
// forwarded as-is to the other sockets of room X. No parsing, no storage.
//
// Usage: node servers/relay.mjs --port <port>   (binds 127.0.0.1; with an IPC channel it reports
// { ready: true } when listening and answers 'memory' with process.memoryUsage())

import { WebSocketServer } from 'ws';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;
const rooms = new Map(); // path -> Set of sockets

const wss = new WebSocketServer({ host: '127.0.0.1', port, perMessageDeflate: false });

wss.on('connection', (socket, request) => {
  const name = request.url;
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = new Set()));
  room.add(socket);
  socket.on('message', (data, isBinary) => {
    for (const peer of room) {
      if (peer !== socket && peer.readyState === 1) peer.send(data, { binary: isBinary });
    }
  });
  socket.on('close', () => {
    room.delete(socket);
    if (room.size === 0) rooms.delete(name);
  });
});

wss.on('listening', () => {
  const address = wss.address();
  if (process.send) process.send({ ready: true, port: address.port });
  else console.log(`relay listening on ws://127.0.0.1:${address.port}`);
});

process.on('message', (msg) => {
  if (msg === 'memory') process.send({ memory: process.memoryUsage() });
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
