/**
 * The sync wire protocol: the closed sets of client and server messages ({@link
 * io.mockboard.sync.protocol.ClientMessage}, {@link io.mockboard.sync.protocol.ServerMessage}), their
 * JSON form ({@link io.mockboard.sync.protocol.ProtocolCodec}), the validation of every inbound frame
 * and Excalidraw element against {@link io.mockboard.sync.protocol.ProtocolLimits}, the stable error
 * codes and close codes, and the per-connection guard for rate limits and bad frames. It is plain Java
 * plus Jackson databind (no Quarkus, no Jakarta) so the room, the transport and the tests share one
 * definition; {@code docs/sync-protocol.md} is its human-readable spec.
 */
package io.mockboard.sync.protocol;
