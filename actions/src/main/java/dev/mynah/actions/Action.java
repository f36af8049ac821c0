package dev.mynah.actions;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Something Mynah can do: its name and description (shown to the LLM), argument schema, risk, what runs on
 * each desktop, and the sentence it says afterwards. {@code reply} and {@code confirmationPrompt} are templates
 * whose {@code {argument}} placeholders take the call's arguments and {@code {result}} the last step's output.
 * A confirmation check is a read-only step run before an action that is usually harmless; when it prints
 * {@code true} (an app with unsaved documents about to quit), the action too waits for the user's yes.
 */
public record Action(String name, String description, ArgumentSchema arguments, Risk risk,
                     Map<Os, Implementation> implementations, String reply, String confirmationPrompt,
                     Map<Os, Implementation> confirmationChecks) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{1,47}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    /** What runs for one call on one desktop, in order; each step's failure stops the rest. */
    @FunctionalInterface
    public interface Implementation {
        List<Step> steps(Arguments arguments);
    }

    public Action {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(arguments, "arguments");
        Objects.requireNonNull(risk, "risk");
        Objects.requireNonNull(reply, "reply");
        implementations = Map.copyOf(implementations);
        confirmationChecks = Map.copyOf(confirmationChecks);
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("action name \"" + name + "\" must be lower_snake_case");
        }
        boolean asks = risk.needsConfirmation() || !confirmationChecks.isEmpty();
        if (asks && (confirmationPrompt == null || confirmationPrompt.isBlank())) {
            throw new IllegalArgumentException(name + " can ask for confirmation and needs a confirmation prompt");
        }
        checkPlaceholders(name, reply, arguments, true);
        if (confirmationPrompt != null) {
            checkPlaceholders(name, confirmationPrompt, arguments, false);
        }
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    public Set<Os> platforms() {
        return implementations.keySet();
    }

    public boolean runsOn(Os os) {
        return implementations.containsKey(os);
    }

    public Optional<Implementation> implementation(Os os) {
        return Optional.ofNullable(implementations.get(os));
    }

    public Optional<Implementation> confirmationCheck(Os os) {
        return Optional.ofNullable(confirmationChecks.get(os));
    }

    /** Fills a template with the arguments and, where it says {@code {result}}, the output of the last step. */
    public static String fill(String template, Arguments arguments, String result) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String key = matcher.group(1);
            Object value = key.equals("result") ? (result == null ? "" : result.strip()) : arguments.asMap().get(key);
            matcher.appendReplacement(out, Matcher.quoteReplacement(spoken(value)));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll(" {2,}", " ").replace(" .", ".").strip();
    }

    private static String spoken(Object value) {
        return switch (value) {
            case null -> "";
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            default -> value.toString();
        };
    }

    private static void checkPlaceholders(String name, String template, ArgumentSchema arguments,
                                          boolean resultAllowed) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            String key = matcher.group(1);
            boolean known = arguments.field(key) != null || (resultAllowed && key.equals("result"));
            if (!known) {
                throw new IllegalArgumentException(name + ": template \"" + template + "\" names {" + key
                        + "}, which is not an argument");
            }
        }
    }

    /** Declares an action; {@link #macos} and {@link #linux} are left out where a desktop has no natural way. */
    public static final class Builder {
        private final String name;
        private String description;
        private ArgumentSchema arguments = ArgumentSchema.none();
        private Risk risk = Risk.READ_ONLY;
        private final Map<Os, Implementation> implementations = new EnumMap<>(Os.class);
        private String reply;
        private String confirmationPrompt;
        private final Map<Os, Implementation> confirmationChecks = new EnumMap<>(Os.class);

        private Builder(String name) {
            this.name = name;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder arguments(ArgumentSchema arguments) {
            this.arguments = arguments;
            return this;
        }

        public Builder risk(Risk risk) {
            this.risk = risk;
            return this;
        }

        public Builder macos(Function<Arguments, Step> step) {
            implementations.put(Os.MACOS, a -> List.of(step.apply(a)));
            return this;
        }

        public Builder linux(Function<Arguments, Step> step) {
            implementations.put(Os.LINUX, a -> List.of(step.apply(a)));
            return this;
        }

        public Builder on(Os os, Implementation implementation) {
            implementations.put(os, implementation);
            return this;
        }

        /** The same in-process work on every desktop. */
        public Builder everywhere(Function<Arguments, Step> step) {
            for (Os os : Os.values()) {
                implementations.put(os, a -> List.of(step.apply(a)));
            }
            return this;
        }

        public Builder reply(String reply) {
            this.reply = reply;
            return this;
        }

        /** The question asked before a destructive or outward-facing action runs. */
        public Builder confirm(String prompt) {
            this.confirmationPrompt = prompt;
            return this;
        }

        /** On {@code os}, asks {@link #confirm the prompt} first only when {@code check} prints {@code true}. */
        public Builder confirmWhen(Os os, Function<Arguments, Step> check, String prompt) {
            confirmationChecks.put(os, a -> List.of(check.apply(a)));
            this.confirmationPrompt = prompt;
            return this;
        }

        public Action build() {
            return new Action(name, description, arguments, risk, implementations, reply, confirmationPrompt,
                    confirmationChecks);
        }
    }
}
