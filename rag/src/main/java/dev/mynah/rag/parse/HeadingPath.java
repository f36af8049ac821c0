package dev.mynah.rag.parse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The headings in force at a point of a document, outermost first; a heading replaces those at its level and below. */
final class HeadingPath {
    private final String[] byLevel = new String[6];

    /** Records a heading of {@code level} 1 to 6 (deeper levels count as 6) and returns the path it opens. */
    List<String> enter(int level, String heading) {
        int index = Math.clamp(level, 1, byLevel.length) - 1;
        byLevel[index] = DocumentTextBuilder.clean(heading).replace('\n', ' ');
        Arrays.fill(byLevel, index + 1, byLevel.length, null);
        return current();
    }

    List<String> current() {
        List<String> path = new ArrayList<>();
        for (String heading : byLevel) {
            if (heading != null && !heading.isEmpty()) {
                path.add(heading);
            }
        }
        return List.copyOf(path);
    }
}
