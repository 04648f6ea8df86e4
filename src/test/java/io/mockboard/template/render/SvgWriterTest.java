package io.mockboard.template.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgWriterTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"0, 0", "2.0, 2", "-3.5, -3.5", "0.1, 0.1", "1.006, 1.01", "1.004, 1", "1234567.891, 1234567.89",
            "-0.001, 0", "-0.0, 0", "0.3000000000000001, 0.3", "12.10, 12.1", "1e9, 1000000000"})
    @DisplayName("[R5] numbers have at most two decimals, no trailing zeros, no exponent and no locale")
    void formatsNumbersCompactly(double value, String expected) {
        assertThat(SvgWriter.format(value)).isEqualTo(expected);
    }

    @Test
    @DisplayName("[R2] attribute values and text are escaped")
    void escapesMarkup() {
        String written = new SvgWriter(64).start("text").attr("fill", "a\"b'c<d>&").open()
                .text("<&>\"'").end("text").toString();

        assertThat(written).isEqualTo("<text fill=\"a&quot;b&apos;c&lt;d&gt;&amp;\">&lt;&amp;&gt;&quot;&apos;</text>");
    }
}
