package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.AppleScriptLiteral;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Playback in the music player: Spotify when it is open, otherwise Apple Music on macOS; whichever player
 * speaks MPRIS (through playerctl) on Linux.
 */
final class MediaActions {
    private static final String TRACK_SENTENCE =
            "\"Playing \" & name of current track & \" by \" & artist of current track";

    private MediaActions() {
    }

    static List<Action> actions() {
        return List.of(
                control("media_play", "Start or resume playing music.", "play", "play", true, "Playing."),
                control("media_pause", "Pause the music that is playing.", "pause", "pause", false, "Paused."),
                control("media_next", "Skip to the next track.", "next track", "next", false, "Next track."),
                control("media_previous", "Go back to the previous track.", "previous track", "previous", false,
                        "Previous track."),
                Action.named("now_playing")
                        .description("Say which song is playing and who it is by.")
                        .macos(a -> Step.appleScript(nowPlayingScript()))
                        .linux(a -> Step.run("playerctl", "metadata", "--format",
                                "Playing {{title}} by {{artist}}"))
                        .reply("{result}.")
                        .build(),
                Action.named("play_music")
                        .description("Find and play a song, artist, album or playlist in Apple Music or Spotify.")
                        .arguments(ArgumentSchema.builder()
                                .text("query", "What to play (title, artist, album or playlist name)", true)
                                .choice("kind", "What the query names (default song)", false, "song", "artist",
                                        "album", "playlist")
                                .choice("player", "Music app to use (default music)", false, "music", "spotify")
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.appleScript(a.optionalText("player").orElse("music").equals("spotify")
                                ? spotifySearch(a.text("query"), a.optionalText("kind").orElse("song"))
                                : musicPlay(a.text("query"), a.optionalText("kind").orElse("song"))))
                        .reply("{result}.")
                        .build());
    }

    /**
     * Spotify's commands are compiled only when Spotify is running (through {@code run script}), so the script
     * still compiles on a Mac without Spotify installed.
     */
    private static Action control(String name, String description, String command, String playerctl,
                                  boolean startsMusic, String reply) {
        String otherwise = startsMusic ? "tell application \"Music\" to " + command
                : "error \"Nothing is playing: neither Music nor Spotify is open\"";
        return Action.named(name)
                .description(description)
                .risk(Risk.REVERSIBLE)
                .macos(a -> Step.appleScript("""
                        if application "Spotify" is running then
                            run script %s
                        else if application "Music" is running then
                            tell application "Music" to %s
                        else
                            %s
                        end if""".formatted(AppleScriptLiteral.of("tell application \"Spotify\" to " + command),
                        command, otherwise)))
                .linux(a -> Step.run("playerctl", playerctl))
                .reply(reply)
                .build();
    }

    private static String nowPlayingScript() {
        String spotify = """
                tell application "Spotify"
                    if player state is playing then return %s
                end tell
                return ""
                """.formatted(TRACK_SENTENCE);
        return """
                if application "Spotify" is running then
                    set spotifyTrack to run script %s
                    if spotifyTrack is not "" then return spotifyTrack
                end if
                if application "Music" is running then
                    tell application "Music"
                        if player state is playing then return %s
                    end tell
                end if
                return "Nothing is playing"
                """.formatted(AppleScriptLiteral.of(spotify), TRACK_SENTENCE);
    }

    /** Plays the first library track (or playlist) that matches, and says what it found. */
    private static String musicPlay(String query, String kind) {
        String literal = AppleScriptLiteral.of(query);
        if (kind.equals("playlist")) {
            return """
                    tell application "Music"
                        set foundPlaylists to every user playlist whose name contains %s
                        if foundPlaylists is {} then error "There is no playlist called " & %s & " in Music"
                        play item 1 of foundPlaylists
                        return "Playing the playlist " & name of item 1 of foundPlaylists
                    end tell""".formatted(literal, literal);
        }
        String property = switch (kind) {
            case "artist" -> "artist";
            case "album" -> "album";
            default -> "name";
        };
        return """
                tell application "Music"
                    set foundTracks to every track of library playlist 1 whose %s contains %s
                    if foundTracks is {} then error "Nothing in your Music library matches " & %s
                    play item 1 of foundTracks
                    return "Playing " & name of item 1 of foundTracks & " by " & artist of item 1 of foundTracks
                end tell""".formatted(property, literal, literal);
    }

    /** Spotify's AppleScript cannot search, so its search opens for the user to pick from. */
    private static String spotifySearch(String query, String kind) {
        String filter = switch (kind) {
            case "artist", "album", "playlist" -> kind + ":";
            default -> "track:";
        };
        String uri = "spotify:search:"
                + URLEncoder.encode(filter + query, StandardCharsets.UTF_8).replace("+", "%20");
        return """
                open location %s
                return "Here are Spotify's results for " & %s""".formatted(AppleScriptLiteral.of(uri),
                AppleScriptLiteral.of(query));
    }
}
