package dev.mynah.rag.answer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the {@code [n]} markers in an answer back to the passages they name. Reads the forms language models write:
 * {@code [1]}, {@code [1][2]}, {@code [1, 2]}, {@code [1-3]}, with full-width brackets and commas too; numbers that
 * name no passage are left out of the sources and reported, so a made-up citation never points at a wrong file.
 */
public final class Citations {
    private static final String NUMBER_OR_RANGE = "\\d{1,6}(?:\\s*[-–—~]\\s*\\d{1,6})?";
    private static final Pattern MARKER = Pattern.compile("[\\[［【]\\s*(" + NUMBER_OR_RANGE + "(?:\\s*[,，、;]\\s*"
            + NUMBER_OR_RANGE + ")*)\\s*[\\]］】]");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,，、;]\\s*");
    private static final Pattern DASH = Pattern.compile("\\s*[-–—~]\\s*");

    private final List<Source> sources;

    /** For passages numbered 1, 2, … in the order given. */
    public Citations(List<Source> sources) {
        this.sources = List.copyOf(sources);
        for (int i = 0; i < this.sources.size(); i++) {
            if (this.sources.get(i).number() != i + 1) {
                throw new IllegalArgumentException("source " + (i + 1) + " is numbered "
                        + this.sources.get(i).number() + "; number the sources 1, 2, … in order");
            }
        }
    }

    /** The sources an answer cites, in order of first citation, and the cited numbers that name no source. */
    public record Cited(List<Source> sources, List<Integer> unknown) {
        public Cited {
            sources = List.copyOf(sources);
            unknown = List.copyOf(unknown);
        }
    }

    public Cited read(String answer) {
        SequencedSet<Integer> cited = new LinkedHashSet<>();
        SequencedSet<Integer> unknown = new LinkedHashSet<>();
        Matcher marker = MARKER.matcher(answer);
        while (marker.find()) {
            for (String part : SEPARATOR.split(marker.group(1).strip())) {
                String[] ends = DASH.split(part);
                int first = Integer.parseInt(ends[0]);
                int last = ends.length == 1 ? first : Integer.parseInt(ends[1]);
                int low = Math.min(first, last);
                int high = Math.max(first, last);
                // Only the numbers that name a source are walked, so [1-999999] costs no more than [1-3].
                for (int n = Math.max(low, 1); n <= Math.min(high, sources.size()); n++) {
                    cited.add(n);
                }
                for (int end : new int[] {low, high}) {
                    if (end < 1 || end > sources.size()) {
                        unknown.add(end);
                    }
                }
            }
        }
        List<Source> named = new ArrayList<>(cited.size());
        cited.forEach(n -> named.add(sources.get(n - 1)));
        return new Cited(named, List.copyOf(unknown));
    }
}
