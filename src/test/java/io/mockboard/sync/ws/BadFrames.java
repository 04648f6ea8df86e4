package io.mockboard.sync.ws;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates hostile frames from a seed: malformed and truncated JSON, wrong types, unknown messages, deep
 * nesting, oversized payloads, prototype keys, out-of-range numbers, duplicate keys and binary frames with
 * invalid UTF-8. Each frame says which answers are acceptable.
 */
final class BadFrames {
    /** What a frame may be answered with: an error (any code), an ack (harmless data), or a close code. */
    enum Answer { ERROR, ERROR_OR_ACK, CLOSE_1009 }

    record Frame(String kind, String text, byte[] binary, Answer answer) {}

    private static final String VALID_PUSH = "{\"t\":\"push\",\"clientSeq\":%d,\"elements\":[" + rectangle("fz-%d") + "]}";
    static final String[] KINDS = {"truncated", "garbage", "wrong-type", "unknown-type", "no-type", "deep", "prototype",
        "numbers", "duplicate-keys", "not-elements", "huge-text", "binary", "second-hello", "oversized"};


    private final SplittableRandom random;
    private long clientSeq = 1;

    BadFrames(long seed) {
        this.random = new SplittableRandom(seed);
    }

    Frame next() {
        // a frame over the 1 MiB transport limit is rare (1 in 200): each one costs a connection (closed 1009)
        String kind = random.nextInt(200) == 0 ? "oversized" : KINDS[random.nextInt(KINDS.length - 1)];
        if (kind.equals("oversized")) {
            return new Frame(kind, "{\"t\":\"ping\",\"nonce\":1,\"pad\":\"" + "x".repeat(1_048_577) + "\"}", null, Answer.CLOSE_1009);
        }
        long seq = clientSeq++;
        String push = String.format(VALID_PUSH, seq, seq);
        return switch (kind) {
            case "truncated" -> text(kind, push.substring(0, 1 + random.nextInt(push.length() - 2)));
            case "garbage" -> text(kind, garbage());
            case "wrong-type" -> text(kind, pick(
                    "{\"t\":\"push\",\"clientSeq\":\"seven\",\"elements\":[]}",
                    "{\"t\":\"push\",\"clientSeq\":1,\"elements\":{\"id\":\"x\"}}",
                    "{\"t\":\"presence\",\"cursor\":\"here\",\"idle\":\"active\"}",
                    "{\"t\":\"ping\",\"nonce\":[1]}",
                    "{\"t\":\"hello\",\"protocol\":\"1\",\"clientId\":5,\"lastSeq\":0}",
                    "{\"t\":1}", "[]", "\"push\"", "42", "null", "true"));
            case "unknown-type" -> text(kind, "{\"t\":\"" + pick("evil", "PUSH", "push ", "", "ack", "welcome", "op") + "\"}");
            case "no-type" -> text(kind, pick("{}", "{\"clientSeq\":1,\"elements\":[]}", "{\"T\":\"push\"}"));
            case "deep" -> {
                int depth = 33 + random.nextInt(20_000);
                yield text(kind, "{\"t\":\"push\",\"clientSeq\":" + seq + ",\"elements\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
            }
            case "prototype" -> new Frame(kind, pick(
                    "{\"__proto__\":{\"t\":\"push\"},\"t\":\"ping\",\"nonce\":\"x\"}",
                    "{\"t\":\"push\",\"clientSeq\":" + seq + ",\"elements\":[" + rectangle("fz-" + seq).replace("{\"id\"",
                            "{\"__proto__\":{\"isAdmin\":true},\"constructor\":{\"prototype\":{\"polluted\":1}},\"id\"") + "]}",
                    "{\"t\":\"push\",\"clientSeq\":" + seq + ",\"elements\":[{\"__proto__\":null}]}"), null, Answer.ERROR_OR_ACK);
            case "numbers" -> text(kind, pick(
                    "{\"t\":\"push\",\"clientSeq\":1e309,\"elements\":[]}",
                    "{\"t\":\"push\",\"clientSeq\":-1,\"elements\":[]}",
                    "{\"t\":\"push\",\"clientSeq\":0,\"elements\":[]}",
                    "{\"t\":\"push\",\"clientSeq\":99999999999999999999999,\"elements\":[]}",
                    "{\"t\":\"push\",\"clientSeq\":" + seq + ",\"elements\":[" + rectangle("fz-" + seq).replace("\"version\":1", "\"version\":NaN") + "]}",
                    "{\"t\":\"push\",\"clientSeq\":" + seq + ",\"elements\":[" + rectangle("fz-" + seq).replace("\"x\":10", "\"x\":1e400") + "]}"));
            case "duplicate-keys" -> text(kind, "{\"t\":\"ping\",\"t\":\"push\",\"nonce\":1}");
            case "not-elements" -> text(kind, "{\"t\":\"push\",\"clientSeq\":" + seq + ",\"elements\":[1,\"a\",null,[]]}");
            case "huge-text" -> text(kind, "{\"t\":\"push\",\"clientSeq\":" + seq + ",\"elements\":["
                    + rectangle("fz-" + seq).replace("\"type\":\"rectangle\"", "\"type\":\"text\",\"text\":\"" + "y".repeat(100_001) + "\"")
                    + "]}");
            case "second-hello" -> text(kind, "{\"t\":\"hello\",\"protocol\":1,\"clientId\":\"again\",\"lastSeq\":0}");
            case "binary" -> new Frame(kind, null, invalidUtf8(), Answer.ERROR);
            default -> throw new IllegalStateException(kind);
        };
    }

    private Frame text(String kind, String text) {
        return new Frame(kind, text, null, Answer.ERROR);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String garbage() {
        StringBuilder b = new StringBuilder();
        int n = 1 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
            b.append((char) (random.nextInt(3) == 0 ? "{}[]\":,\\".charAt(random.nextInt(8)) : 32 + random.nextInt(95)));
        }
        return b.toString().isBlank() ? "{" : b.toString();
    }

    private byte[] invalidUtf8() {
        byte[] bytes = ("{\"t\":\"ping\",\"nonce\":1}").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, out, 0, bytes.length);
        out[bytes.length] = (byte) 0xC3; // a lead byte without its continuation
        out[bytes.length + 1] = (byte) 0x28;
        out[bytes.length + 2] = (byte) 0xFF;
        out[bytes.length + 3] = (byte) random.nextInt(256);
        return out;
    }

    private static String rectangle(String id) {
        return "{\"id\":\"" + id + "\",\"type\":\"rectangle\",\"x\":10,\"y\":20,\"width\":100,\"height\":50,\"angle\":0,"
                + "\"strokeColor\":\"#1e1e1e\",\"backgroundColor\":\"transparent\",\"fillStyle\":\"solid\",\"strokeWidth\":2,"
                + "\"strokeStyle\":\"solid\",\"roughness\":1,\"opacity\":100,\"groupIds\":[],\"index\":\"a1\",\"roundness\":null,"
                + "\"seed\":1,\"version\":1,\"versionNonce\":7,\"isDeleted\":false,\"boundElements\":[],\"updated\":1,"
                + "\"link\":null,\"locked\":false}";
    }

    static Map<String, Integer> emptyCounts() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        for (String kind : KINDS) {
            counts.put(kind, 0);
        }
        return counts;
    }
}
