package dev.mynah.actions.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mynah.actions.Action;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Arguments;
import dev.mynah.actions.Os;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An action the user declared in {@code actions.json}, with the phrases that call it. Each {@code {slot}} in a
 * phrase is a required text argument. What runs is one of:
 * <ul>
 *   <li>{@code argv}: a program and its arguments, on every desktop; a slot fills a whole element or part of
 *       one, never more, and no shell is involved;</li>
 *   <li>{@code applescript}: {@code osascript FILE slot…} on macOS; the script reads the slot values, in the
 *       order the phrases first name them, in {@code on run argv};</li>
 *   <li>{@code shortcut}: {@code shortcuts run NAME} on macOS. A shortcut receives no slot values: the command
 *       line takes input only from files, and a shortcut that needs a value can ask for it itself.</li>
 * </ul>
 */
record CustomAction(Action action, List<String> phrases) {
    private static final Pattern SLOT = Pattern.compile("\\{([a-z_]+)}");
    private static final Pattern PLAIN_PROGRAM = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final Set<String> KEYS = Set.of("name", "description", "phrases", "risk", "reply", "confirm",
            "applescript", "shortcut", "argv");

    /** A custom entry that cannot be used; the message names the entry and the field. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    static CustomAction read(JsonNode entry, String where) throws Invalid {
        if (!entry.isObject()) {
            throw new Invalid(where + " must be an object");
        }
        for (var field : entry.properties()) {
            if (!KEYS.contains(field.getKey())) {
                throw new Invalid(where + ": unknown field \"" + field.getKey() + "\"; the fields are " + KEYS);
            }
        }
        String name = text(entry, "name", where, true);
        where = where + " \"" + name + "\"";
        List<String> phrases = phrases(entry, where);
        List<String> slots = slots(phrases);
        ArgumentSchema.Builder arguments = ArgumentSchema.builder();
        slots.forEach(slot -> arguments.text(slot, slot.replace('_', ' '), true));
        Risk risk;
        try {
            risk = Risk.fromId(text(entry, "risk", where, true));
        } catch (IllegalArgumentException e) {
            throw new Invalid(where + ": field \"risk\": " + e.getMessage());
        }
        String confirm = text(entry, "confirm", where, false);
        if (risk.needsConfirmation() && confirm == null) {
            throw new Invalid(where + ": field \"confirm\": a " + risk.id() + " action needs a question to ask"
                    + " before it runs");
        }
        Action.Builder builder = Action.named(name)
                .description(text(entry, "description", where, true))
                .arguments(arguments.build())
                .risk(risk)
                .reply(text(entry, "reply", where, true));
        if (confirm != null) {
            builder.confirm(confirm);
        }
        implementation(entry, where, slots, builder);
        try {
            return new CustomAction(builder.build(), phrases);
        } catch (IllegalArgumentException e) {
            throw new Invalid(where + ": " + e.getMessage());
        }
    }

    private static void implementation(JsonNode entry, String where, List<String> slots, Action.Builder builder)
            throws Invalid {
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("applescript", "shortcut", "argv")) {
            if (entry.has(kind)) {
                kinds.add(kind);
            }
        }
        if (kinds.size() != 1) {
            throw new Invalid(where + ": give exactly one of \"applescript\", \"shortcut\" or \"argv\""
                    + (kinds.isEmpty() ? "" : ", not " + String.join(" and ", kinds)));
        }
        switch (kinds.getFirst()) {
            case "applescript" -> {
                String file = text(entry, "applescript", where, true);
                Path script = Path.of(file);
                if (!script.isAbsolute()) {
                    throw new Invalid(where + ": field \"applescript\": \"" + file + "\" must be an absolute path,"
                            + " such as /Users/you/Scripts/garage.applescript");
                }
                if (!Files.isRegularFile(script)) {
                    throw new Invalid(where + ": field \"applescript\": there is no file " + file);
                }
                builder.on(Os.MACOS, a -> {
                    List<String> argv = new ArrayList<>(List.of("osascript", file));
                    slots.forEach(slot -> argv.add(a.text(slot)));
                    return List.of(Step.run(argv));
                });
            }
            case "shortcut" -> {
                String shortcut = text(entry, "shortcut", where, true);
                if (!slots.isEmpty()) {
                    throw new Invalid(where + ": field \"shortcut\": shortcuts receive no values, so the phrases"
                            + " cannot name " + slots + "; ask for the value inside the shortcut, or use"
                            + " \"applescript\" or \"argv\"");
                }
                builder.on(Os.MACOS, a -> List.of(Step.run("shortcuts", "run", shortcut)));
            }
            default -> {
                List<String> template = argv(entry, where, slots);
                Action.Implementation run = a -> List.of(Step.run(template.stream().map(t -> fill(t, a)).toList()));
                builder.on(Os.MACOS, run).on(Os.LINUX, run);
            }
        }
    }

    private static List<String> argv(JsonNode entry, String where, List<String> slots) throws Invalid {
        JsonNode argv = entry.get("argv");
        if (!argv.isArray() || argv.isEmpty()) {
            throw new Invalid(where + ": field \"argv\" must be a non-empty list of strings");
        }
        List<String> template = new ArrayList<>();
        for (JsonNode element : argv) {
            if (!element.isTextual()) {
                throw new Invalid(where + ": field \"argv\": every element must be a string, got " + element);
            }
            Matcher slot = SLOT.matcher(element.textValue());
            while (slot.find()) {
                if (!slots.contains(slot.group(1))) {
                    throw new Invalid(where + ": field \"argv\": {" + slot.group(1) + "} is not a slot of any"
                            + " phrase; the slots are " + slots);
                }
            }
            template.add(element.textValue());
        }
        String program = template.getFirst();
        if (!program.startsWith("/") && !PLAIN_PROGRAM.matcher(program).matches()) {
            throw new Invalid(where + ": field \"argv\": the program \"" + program + "\" must be an absolute path"
                    + " or a plain program name found on the PATH");
        }
        if (SLOT.matcher(program).find()) {
            throw new Invalid(where + ": field \"argv\": the program itself cannot be a slot");
        }
        return List.copyOf(template);
    }

    /** Fills the slots inside one argv element; the result stays one element whatever the values hold. */
    private static String fill(String element, Arguments arguments) {
        return SLOT.matcher(element).replaceAll(m -> Matcher.quoteReplacement(arguments.text(m.group(1))));
    }

    private static List<String> phrases(JsonNode entry, String where) throws Invalid {
        JsonNode phrases = entry.get("phrases");
        if (phrases == null || !phrases.isArray() || phrases.isEmpty()) {
            throw new Invalid(where + ": field \"phrases\" must be a non-empty list of what you would say");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode phrase : phrases) {
            if (!phrase.isTextual() || phrase.textValue().isBlank()) {
                throw new Invalid(where + ": field \"phrases\": every phrase must be non-empty text, got " + phrase);
            }
            out.add(phrase.textValue().strip());
        }
        return List.copyOf(out);
    }

    private static List<String> slots(List<String> phrases) {
        Set<String> slots = new LinkedHashSet<>();
        for (String phrase : phrases) {
            Matcher slot = SLOT.matcher(phrase);
            while (slot.find()) {
                slots.add(slot.group(1));
            }
        }
        return List.copyOf(slots);
    }

    private static String text(JsonNode entry, String field, String where, boolean required) throws Invalid {
        JsonNode value = entry.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new Invalid(where + ": field \"" + field + "\" is missing");
            }
            return null;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            throw new Invalid(where + ": field \"" + field + "\" must be non-empty text, got " + value);
        }
        return value.textValue();
    }
}
