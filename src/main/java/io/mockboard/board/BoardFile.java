package io.mockboard.board;

import java.util.Base64;

/** An image on a board, as Excalidraw's BinaryFileData: id, MIME type and a data URL. */
public record BoardFile(String id, String mimeType, String dataURL) {
    static BoardFile of(BoardFileEntity entity) {
        return new BoardFile(entity.fileId, entity.mimeType,
                "data:" + entity.mimeType + ";base64," + Base64.getEncoder().encodeToString(entity.data));
    }
}
