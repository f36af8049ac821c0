package dev.mynah.actions.route;

import java.util.Objects;

/** What the fast path made of an utterance: a call to run, a recognised command it cannot run, or nothing. */
public sealed interface FastPathResult permits FastPathResult.Matched, FastPathResult.Rejected, FastPathResult.NoMatch {
    /** A recognised command with usable arguments; {@code pattern} is the phrasing that matched, for logs. */
    record Matched(Call call, String pattern) implements FastPathResult {
        public Matched {
            Objects.requireNonNull(call, "call");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** A recognised command whose slot cannot be used (unknown app, volume 150); {@code reply} says why. */
    record Rejected(String action, String reply) implements FastPathResult {
        public Rejected {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(reply, "reply");
        }
    }

    /** Not a command the fast path is sure about: the LLM route decides. */
    record NoMatch() implements FastPathResult {
    }

    NoMatch NO_MATCH = new NoMatch();
}
