package io.mockboard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Voices for fake microphones: WAV files with known stretches of "speech" (a tone) and silence. */
final class TestVoice {
    static final int RATE = 48_000;

    private TestVoice() {}

    /**
     * A mono 16-bit WAV that speaks (a 220 Hz tone at a third of full scale) for {@code speakMs}, then is silent for
     * {@code quietMs}; Chromium loops it as the microphone.
     */
    static Path speaking(long speakMs, long quietMs) {
        int speak = (int) (RATE * speakMs / 1000);
        int samples = speak + (int) (RATE * quietMs / 1000);
        ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        wav.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        wav.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            double value = i < speak ? Math.sin(2 * Math.PI * 220 * i / RATE) / 3 : 0;
            wav.putShort((short) Math.round(value * Short.MAX_VALUE));
        }
        try {
            Path file = Files.createTempFile("mockboard-voice-", ".wav");
            file.toFile().deleteOnExit();
            return Files.write(file, wav.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
