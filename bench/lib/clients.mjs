// One simulated client per target, with the same small interface so the driver treats them alike:
//
//   const client = await connect(spec, hooks)    // resolves once the client may edit
//   client.sendElement(element)                  // one element update
//   client.sendPresence(presence)                // cursor / selection / viewport
//   client.close()
//
// hooks.element(id, version)   a peer's element update arrived (the driver keys deliveries by it)
// hooks.ack(clientSeq)         Mockboard acked our push (it is durable)
// hooks.presence()             a peer's presence arrived
// hooks.error(kind)            an error frame, a failed send or an unexpected close

import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';

const CONNECT_TIMEOUT_MS = 20_000;

// The first few characters name a frame's type in both Mockboard's and the relay's frames
// ({"t":"op",...}); reading it without parsing keeps presence (most frames) cheap for the driver.
const TYPE_AT_START = /^\{"t":"([a-z-]+)"/;

function frameType(text) {
  const m = TYPE_AT_START.exec(text.slice(0, 24));
  return m ? m[1] : JSON.parse(text).t;
}

function withTimeout(promise, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s`)), CONNECT_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Mockboard's sync protocol (docs/sync-protocol.md): hello → welcome, then push / presence.
 * The sender gets an ack once the push is committed; every peer gets an op.
 */
function connectMockboard(spec, hooks) {
  const ws = new WebSocket(spec.url, { headers: spec.headers, perMessageDeflate: false });
  let clientSeq = 0;
  let joined = false;
  let closing = false;
  const ready = new Promise((resolve, reject) => {
    ws.on('open', () => ws.send(JSON.stringify({ t: 'hello', protocol: 1, clientId: spec.clientId, lastSeq: 0 })));
    ws.on('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    ws.on('error', (e) => (joined ? hooks.error('socket_error') : reject(e)));
    ws.on('close', (code) => {
      if (!joined) reject(new Error(`closed before the welcome: ${code}`));
      else if (!closing) hooks.error(`close_${code}`);
    });
    ws.on('message', (data) => {
      const text = data.toString();
      switch (frameType(text)) {
        case 'op':
          for (const e of JSON.parse(text).elements) hooks.element(e.id, e.version);
          break;
        case 'ack':
          hooks.ack(JSON.parse(text).clientSeq);
          break;
        case 'presence':
          hooks.presence();
          break;
        case 'welcome':
          joined = true;
          resolve();
          break;
        case 'error':
          hooks.error(JSON.parse(text).code);
          break;
        default: // peer-joined, peer-left, pong, step, note
      }
    });
  });
  return withTimeout(ready, `mockboard ${spec.clientId}`).then(() => ({
    sendElement(element) {
      clientSeq += 1;
      send(ws, JSON.stringify({ t: 'push', clientSeq, elements: [element] }), hooks);
      return clientSeq;
    },
    sendPresence(p) {
      send(ws, JSON.stringify({ t: 'presence', ...p }), hooks);
    },
    close() {
      closing = true;
      ws.close(1000);
    },
  }));
}

/** The raw relay: the same frames as Mockboard's push/presence, forwarded untouched to the room. */
function connectRelay(spec, hooks) {
  const ws = new WebSocket(spec.url, { perMessageDeflate: false });
  let clientSeq = 0;
  let open = false;
  let closing = false;
  const ready = new Promise((resolve, reject) => {
    ws.on('open', () => {
      open = true;
      resolve();
    });
    ws.on('error', (e) => (open ? hooks.error('socket_error') : reject(e)));
    ws.on('close', (code) => {
      if (!open) reject(new Error(`closed: ${code}`));
      else if (!closing) hooks.error(`close_${code}`);
    });
    ws.on('message', (data) => {
      const text = data.toString();
      const type = frameType(text);
      if (type === 'push') for (const e of JSON.parse(text).elements) hooks.element(e.id, e.version);
      else if (type === 'presence') hooks.presence();
    });
  });
  return withTimeout(ready, `relay ${spec.clientId}`).then(() => ({
    sendElement(element) {
      clientSeq += 1;
      send(ws, JSON.stringify({ t: 'push', clientSeq, elements: [element] }), hooks);
      return clientSeq;
    },
    sendPresence(p) {
      send(ws, JSON.stringify({ t: 'presence', ...p }), hooks);
    },
    close() {
      closing = true;
      ws.close(1000);
    },
  }));
}

/**
 * Hocuspocus: a Y.Doc per client (one document per board) synced by @hocuspocus/provider, with
 * `ws` as the WebSocket implementation. An element update is Y.Map `elements`.set(id, element);
 * presence goes through the provider's awareness, as Yjs editors do it.
 */
function connectHocuspocus(spec, hooks) {
  const doc = new Y.Doc();
  const elements = doc.getMap('elements');
  let synced = false;
  let closing = false;
  const provider = new HocuspocusProvider({
    url: spec.url,
    name: spec.document,
    document: doc,
    WebSocketPolyfill: WebSocket,
  });
  elements.observe((event) => {
    if (event.transaction.local) return;
    for (const key of event.keysChanged) {
      const e = elements.get(key);
      if (e) hooks.element(e.id, e.version);
    }
  });
  provider.awareness.on('update', (_changes, origin) => {
    if (origin !== 'local' && synced) hooks.presence();
  });
  provider.on('disconnect', () => {
    if (synced && !closing) hooks.error('disconnect');
  });
  const ready = new Promise((resolve) => provider.on('synced', () => {
    synced = true;
    resolve();
  }));
  return withTimeout(ready, `hocuspocus ${spec.clientId}`).then(() => ({
    sendElement(element) {
      // A copy: the driver mutates its element objects in place for the next update.
      elements.set(element.id, { ...element });
      return null;
    },
    sendPresence(p) {
      provider.setAwarenessField('presence', p);
    },
    close() {
      closing = true;
      provider.destroy();
    },
  }));
}

function send(ws, frame, hooks) {
  if (ws.readyState !== WebSocket.OPEN) {
    hooks.error('send_on_closed_socket');
    return;
  }
  ws.send(frame);
}

export const connectors = {
  mockboard: connectMockboard,
  baseline: connectMockboard,
  'nodes-1': connectMockboard,
  'nodes-3': connectMockboard,
  'nodes-3-rr': connectMockboard,
  relay: connectRelay,
  hocuspocus: connectHocuspocus,
};
