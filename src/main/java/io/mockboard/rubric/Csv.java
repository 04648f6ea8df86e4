package io.mockboard.rubric;

/** CSV lines as spreadsheets read them (RFC 4180 quoting, CRLF), safe against formula injection. */
public final class Csv {
    private Csv() {}

    /** One line; a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is prefixed with '. */
    public static String line(String... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            String v = values[i] == null ? "" : values[i];
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
                v = "'" + v;
            }
            line.append(i == 0 ? "" : ",").append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        return line.append("\r\n").toString();
    }
}
