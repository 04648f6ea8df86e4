package io.mockboard.template.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped probe bank gives interviewers 3-6 short, distinct probes for every case study and every step of
 * the ML framework, and a broken file fails the load with its name.
 */
class ProbeBankTest {

    private static final ProbeBank BANK = ProbeBank.load();
    private static final int MAX_LENGTH = 400;

    /** Every probe of a case study, step by step in framework order. */
    private static List<Probe> all(CaseStudy study) {
        List<Probe> probes = new ArrayList<>();
        for (FrameworkStep step : FrameworkSteps.ML) {
            probes.addAll(BANK.probes(study, step.id()));
        }
        return probes;
    }

    @ParameterizedTest
    @EnumSource(CaseStudy.class)
    void everyCaseStudyHasProbesForEveryStep(CaseStudy study) {
        for (FrameworkStep step : FrameworkSteps.ML) {
            assertThat(BANK.probes(study, step.id())).as("%s, step %s", study.slug(), step.id()).hasSizeBetween(3, 6);
        }
    }

    @ParameterizedTest
    @EnumSource(CaseStudy.class)
    void probesAndStrongAnswersAreFilledAndShortEnoughToReadAloud(CaseStudy study) {
        assertThat(all(study)).allSatisfy(probe -> {
            assertThat(probe.probe()).as("probe %s", probe.id()).isNotBlank().hasSizeLessThanOrEqualTo(MAX_LENGTH);
            assertThat(probe.strongAnswer()).as("strong answer %s", probe.id()).isNotBlank()
                    .hasSizeLessThanOrEqualTo(MAX_LENGTH);
        });
    }

    @Test
    void noTwoProbesShareAnIdAcrossTheBank() {
        List<String> ids = Arrays.stream(CaseStudy.values()).flatMap(study -> all(study).stream()).map(Probe::id)
                .toList();
        assertThat(ids).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(CaseStudy.class)
    void aCaseStudyNeverAsksTheSameProbeTwice(CaseStudy study) {
        assertThat(all(study).stream().map(Probe::probe).toList()).as(study.slug()).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(CaseStudy.class)
    void idsNameTheirCaseStudyPrefixAndStep(CaseStudy study) {
        String firstId = all(study).get(0).id();
        String prefix = firstId.substring(0, firstId.indexOf('-'));
        for (FrameworkStep step : FrameworkSteps.ML) {
            Pattern form = Pattern.compile(Pattern.quote(prefix + "-" + step.id() + "-") + "\\d+");
            assertThat(BANK.probes(study, step.id())).allSatisfy(probe ->
                    assertThat(probe.id()).as("%s, step %s", study.slug(), step.id()).matches(form));
        }
    }

    @Test
    void refusesAnUnknownStepNamingIt() {
        assertThatThrownBy(() -> BANK.probes(CaseStudy.VIDEO_RECOMMENDATION, "deep-dive"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"deep-dive\"")
                .hasMessageContaining("clarify");
    }

    @Test
    void findsAProbeById() {
        Probe first = BANK.probes(CaseStudy.VIDEO_RECOMMENDATION, "clarify").get(0);
        assertThat(BANK.byId(first.id())).contains(first);
        assertThat(BANK.byId("vr-clarify-1")).contains(first);
        assertThat(BANK.byId("no-such-probe")).isEmpty();
    }

    @Test
    void refusesABlankProbe() {
        assertThatThrownBy(() -> new Probe("vr-clarify-9", " ", "a strong answer"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("probe")
                .hasMessageContaining("vr-clarify-9");
    }

    @Test
    void aMissingFileFailsTheLoadNamingIt() {
        String missing = ProbeBank.path(CaseStudy.SIMILAR_LISTINGS);
        assertThatThrownBy(() -> ProbeBank.load(path -> path.equals(missing) ? null : shipped(path)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"caseStudy\": ",
        "[]",
        "{\"caseStudy\": \"video-recommendation\", \"framework\": \"ml-system-design\", \"steps\": {}}",
        "{\"caseStudy\": \"visual-search\", \"framework\": \"ml-system-design\", \"steps\": {}}",
        "{\"caseStudy\": \"visual-search\", \"framework\": \"ml-system-design\", \"steps\": {\"clarify\": "
                + "[{\"id\": \"vs-clarify-1\", \"probe\": \"\", \"strongAnswer\": \"x\"}]}}"})
    void aMalformedFileFailsTheLoadNamingIt(String content) {
        String broken = ProbeBank.path(CaseStudy.VISUAL_SEARCH);
        Function<String, InputStream> resources = path -> path.equals(broken)
                ? new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8))
                : shipped(path);
        assertThatThrownBy(() -> ProbeBank.load(resources))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(broken);
    }

    private static InputStream shipped(String path) {
        return ProbeBankTest.class.getClassLoader().getResourceAsStream(path);
    }
}
