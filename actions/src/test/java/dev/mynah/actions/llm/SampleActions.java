package dev.mynah.actions.llm;

import dev.mynah.actions.Action;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.AppleScriptLiteral;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.time.LocalTime;
import java.util.List;

/** Ten actions with the catalogue's argument schemas, enough variety to exercise the grammar and parser. */
final class SampleActions {
    private SampleActions() {
    }

    static ActionRegistry registry() {
        return ActionRegistry.of(List.of(
                Action.named("set_volume").description("Set the output volume to a percentage.")
                        .arguments(ArgumentSchema.builder().integer("level", "Volume percent", true, 0, 100).build())
                        .risk(Risk.REVERSIBLE)
                        .linux(a -> Step.run("pactl", "set-sink-volume", "@DEFAULT_SINK@", a.integer("level") + "%"))
                        .macos(a -> Step.appleScript("set volume output volume " + a.integer("level")))
                        .reply("Volume set to {level} percent.").build(),
                Action.named("raise_volume").description("Turn the volume up.")
                        .arguments(ArgumentSchema.builder().integer("by", "Percentage points", false, 1, 100).build())
                        .risk(Risk.REVERSIBLE)
                        .linux(a -> Step.run("pactl", "set-sink-volume", "@DEFAULT_SINK@",
                                "+" + a.optionalInteger("by").orElse(10L) + "%"))
                        .reply("Louder.").build(),
                Action.named("set_dark_mode").description("Switch dark mode on, off or the other way.")
                        .arguments(ArgumentSchema.builder().choice("mode", "Mode", true, "on", "off", "toggle").build())
                        .risk(Risk.REVERSIBLE)
                        .linux(a -> Step.run("gsettings", "set", "org.gnome.desktop.interface", "color-scheme",
                                a.text("mode").equals("off") ? "default" : "prefer-dark"))
                        .reply("Dark mode {mode}.").build(),
                Action.named("open_app").description("Open an application by name.")
                        .arguments(ArgumentSchema.builder().text("app", "App name", true).build())
                        .risk(Risk.REVERSIBLE)
                        .linux(a -> Step.spawn("gtk-launch", a.text("app")))
                        .macos(a -> Step.appleScript("tell application " + AppleScriptLiteral.of(a.text("app"))
                                + " to activate"))
                        .reply("Opening {app}.").build(),
                Action.named("set_timer").description("Start a countdown timer.")
                        .arguments(ArgumentSchema.builder().integer("seconds", "Duration in seconds", true, 1, 86400)
                                .text("label", "What the timer is for", false).build())
                        .risk(Risk.REVERSIBLE)
                        .linux(a -> Step.spawn("sleep", Long.toString(a.integer("seconds"))))
                        .reply("Timer set.").build(),
                Action.named("play_music").description("Play a song, artist, album or playlist.")
                        .arguments(ArgumentSchema.builder().text("query", "What to play", true)
                                .choice("kind", "What the query names", false, "song", "artist", "album", "playlist")
                                .choice("player", "Music player", false, "music", "spotify").build())
                        .risk(Risk.REVERSIBLE)
                        .linux(a -> Step.run("playerctl", "open", "spotify:search:" + a.text("query")))
                        .reply("Playing {query}.").build(),
                Action.named("convert_units").description("Convert a value between units.")
                        .arguments(ArgumentSchema.builder().number("value", "Amount", true, -1e12, 1e12)
                                .text("from", "Unit to convert from", true).text("to", "Unit to convert to", true)
                                .build())
                        .everywhere(a -> Step.inProcess("convert " + a.number("value"), () -> "42"))
                        .reply("{result}").build(),
                Action.named("facetime_call").description("Start a FaceTime call.")
                        .arguments(ArgumentSchema.builder().text("to", "Contact", true)
                                .flag("audio_only", "Audio only", false).build())
                        .risk(Risk.OUTWARD_FACING)
                        .linux(a -> Step.spawn("xdg-open", "tel:" + a.text("to")))
                        .confirm("Call {to}?")
                        .reply("Calling {to}.").build(),
                Action.named("directions").description("Show directions to a place.")
                        .arguments(ArgumentSchema.builder().text("destination", "Destination", true)
                                .text("origin", "Starting point", false)
                                .choice("mode", "How to travel", false, "driving", "walking", "transit").build())
                        .risk(Risk.REVERSIBLE)
                        .linux(a -> Step.spawn("xdg-open", "geo:0,0?q=" + a.text("destination")))
                        .reply("Here are directions to {destination}.").build(),
                Action.named("current_time").description("Say the time.")
                        .everywhere(a -> Step.inProcess("read the clock", () -> LocalTime.now().toString()))
                        .reply("It is {result}.").build()));
    }
}
