package io.mockboard.board;

import io.mockboard.core.DomainException;
import io.mockboard.sync.BoardId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Images pasted or dropped onto a board. Stored once per (board, file id), never rewritten; the id is
 * Excalidraw's content hash, so uploading the same image again changes nothing.
 */
@ApplicationScoped
public class BoardFileService {
    static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/svg+xml");
    private static final Pattern FILE_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Clock clock;
    private final int maxBytes;

    BoardFileService(Clock clock, @ConfigProperty(name = "mockboard.board.max-image-bytes", defaultValue = "4194304") int maxBytes) {
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** Stores the image unless it is already there; returns true when it was new. */
    @Transactional
    public boolean store(BoardId board, String fileId, String mimeType, String dataURL, String userId) {
        if (fileId == null || !FILE_ID.matcher(fileId).matches()) {
            throw DomainException.invalid("An image id has 1 to 128 letters, digits, '-' or '_'");
        }
        if (mimeType == null || !IMAGE_TYPES.contains(mimeType)) {
            throw DomainException.invalid("Only PNG, JPEG, GIF, WebP and SVG images can be placed on a board");
        }
        String prefix = "data:" + mimeType + ";base64,";
        if (dataURL == null || !dataURL.startsWith(prefix)) {
            throw DomainException.invalid("The image must be a base64 data URL of type " + mimeType);
        }
        if ((long) (dataURL.length() - prefix.length()) * 3 / 4 > maxBytes) {
            throw tooLarge();
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(dataURL.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("The image data is not valid base64");
        }
        if (data.length > maxBytes) {
            throw tooLarge();
        }
        if (BoardFileEntity.count("boardId = ?1 and fileId = ?2", board.value(), fileId) > 0) {
            return false;
        }
        BoardFileEntity file = new BoardFileEntity();
        file.boardId = board.value();
        file.fileId = fileId;
        file.mimeType = mimeType;
        file.data = data;
        file.createdBy = userId;
        file.createdAt = clock.instant();
        file.persist();
        return true;
    }

    @Transactional
    public Optional<BoardFile> find(BoardId board, String fileId) {
        return BoardFileEntity.<BoardFileEntity>find("boardId = ?1 and fileId = ?2", board.value(), fileId)
                .firstResultOptional()
                .map(BoardFile::of);
    }

    private DomainException tooLarge() {
        return new DomainException(DomainException.Kind.TOO_LARGE,
                "This image is larger than " + (maxBytes / 1024 / 1024) + " MiB; make it smaller and place it again");
    }
}
