package io.mockboard.template.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColorsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"#1e1e1e|#1e1e1e", "#FFF|#fff", "#a5d8ff80|#a5d8ff80",
            "rgb(255, 0, 10)|rgb(255, 0, 10)", "rgba(0,0,0,0.5)|rgba(0,0,0,0.5)", "Red|red",
            "transparent|none", "' #bbb '|#bbb"})
    @DisplayName("[R2] hex, rgb() and named colours are kept, lower-cased")
    void keepsColours(String raw, String expected) {
        assertThat(Colors.safe(raw)).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"red\" onload=\"alert(1)", "url(#x)", "url(https://evil.example/a.svg)",
            "#12", "#12345", "#ggg", "rgb(1,2)", "rgb(1,2,3);fill:url(#a)", "var(--x)", "red;", "red blue",
            "expression(alert(1))", "", "currentColor2", "#fff\u0000"})
    @DisplayName("[R2] anything that is not a plain colour is refused")
    void refusesEverythingElse(String raw) {
        assertThat(Colors.safe(raw)).isEmpty();
        assertThat(Colors.stroke(raw, Style.INK)).isEqualTo(Style.INK);
        assertThat(Colors.fill(raw)).isEqualTo(Colors.NONE);
    }
}
