package io.mockboard.replay;

import io.mockboard.session.RecordedVoices;
import java.util.List;

/**
 * What a review page shows beyond the raw recording: time per framework step against its budget, who drew
 * how much, where the interviewers' scorecards disagree (levels per criterion side by side), and how the final board
 * covers the template's reference architecture ({@code reference} names it; both are null without one), who talked
 * how much ({@code talk}, from the recorded voices) and whose voice was recorded ({@code voices}).
 */
public record Review(List<StepTime> steps, List<Share> authorship, List<String> scorers, List<Calibration> calibration,
        Recommendations recommendations, String reference, Coverage.Result coverage, TalkTime talk, List<RecordedVoices.Voice> voices) {

    /**
     * Each scorer's overall recommendation (its label, null when not given), in {@code scorers} order; split when
     * some say hire and others no hire, which is the disagreement a calibration talk is for.
     */
    public record Recommendations(List<String> labels, boolean split) {}

    /** Minutes spent on a step (all its visits) against its budget. */
    public record StepTime(String title, double minutes, int budget) {
        public boolean over() {
            return minutes > budget;
        }

        /** The time spent as m:ss. */
        public String spent() {
            long seconds = Math.round(minutes * 60);
            return String.format("%d:%02d", seconds / 60, seconds % 60);
        }

        /** Bar widths in percent of the longest of all steps' spent time or budget. */
        public int percentOf(double longest) {
            return longest <= 0 ? 0 : (int) Math.round(minutes / longest * 100);
        }

        public int budgetPercentOf(double longest) {
            return longest <= 0 ? 0 : (int) Math.round(budget / longest * 100);
        }
    }

    /** One author's share of the board changes. */
    public record Share(String who, long ops, int percent) {}

    /** One criterion's levels by scorer (null where a scorer gave none); flagged when they spread by 2 or more. */
    public record Calibration(String criterion, List<Integer> levels) {
        public boolean flagged() {
            List<Integer> given = levels.stream().filter(java.util.Objects::nonNull).toList();
            return given.size() > 1 && given.stream().mapToInt(Integer::intValue).max().orElse(0)
                    - given.stream().mapToInt(Integer::intValue).min().orElse(0) >= 2;
        }
    }

    /** Component and flow coverage in whole percent. */
    public int componentPercent() {
        return coverage == null ? 0 : (int) Math.round(coverage.componentScore() * 100);
    }

    public int flowPercent() {
        return coverage == null ? 0 : (int) Math.round(coverage.flowScore() * 100);
    }

    /** The longest spent time or budget, the chart's full width. */
    public double longest() {
        return steps.stream().mapToDouble(s -> Math.max(s.minutes(), s.budget())).max().orElse(0);
    }
}
