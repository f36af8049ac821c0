package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Risk;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MediaActionsTest {
    private final CatalogFixtures media = CatalogFixtures.of(MediaActions.actions());

    @Test
    void catalogueNamesAndRisks() {
        assertEquals(List.of("media_play", "media_pause", "media_next", "media_previous", "now_playing",
                "play_music"), media.registry().actions().stream().map(Action::name).toList());
        assertEquals(Risk.READ_ONLY, media.registry().find("now_playing").orElseThrow().risk());
        assertEquals(Risk.REVERSIBLE, media.registry().find("play_music").orElseThrow().risk());
    }

    @Test
    void playPrefersSpotifyWhenOpenAndOtherwiseStartsMusic() {
        assertEquals("""
                if application "Spotify" is running then
                    run script "tell application \\"Spotify\\" to play"
                else if application "Music" is running then
                    tell application "Music" to play
                else
                    tell application "Music" to play
                end if""", media.appleScript("media_play", args()));
        assertEquals(List.of(List.of("playerctl", "play")), media.argv("media_play", args(), Os.LINUX));
    }

    @Test
    void pauseNextAndPreviousSayWhenNoPlayerIsOpen() {
        assertEquals("""
                if application "Spotify" is running then
                    run script "tell application \\"Spotify\\" to pause"
                else if application "Music" is running then
                    tell application "Music" to pause
                else
                    error "Nothing is playing: neither Music nor Spotify is open"
                end if""", media.appleScript("media_pause", args()));
        assertEquals("""
                if application "Spotify" is running then
                    run script "tell application \\"Spotify\\" to next track"
                else if application "Music" is running then
                    tell application "Music" to next track
                else
                    error "Nothing is playing: neither Music nor Spotify is open"
                end if""", media.appleScript("media_next", args()));
        assertEquals("""
                if application "Spotify" is running then
                    run script "tell application \\"Spotify\\" to previous track"
                else if application "Music" is running then
                    tell application "Music" to previous track
                else
                    error "Nothing is playing: neither Music nor Spotify is open"
                end if""", media.appleScript("media_previous", args()));
        assertEquals(List.of(List.of("playerctl", "pause")), media.argv("media_pause", args(), Os.LINUX));
        assertEquals(List.of(List.of("playerctl", "next")), media.argv("media_next", args(), Os.LINUX));
        assertEquals(List.of(List.of("playerctl", "previous")), media.argv("media_previous", args(), Os.LINUX));
    }

    @Test
    void nowPlayingSaysTitleAndArtist() {
        assertEquals("""
                if application "Spotify" is running then
                    set spotifyTrack to run script "tell application \\"Spotify\\"\\n    if player state is playing then return \\"Playing \\" & name of current track & \\" by \\" & artist of current track\\nend tell\\nreturn \\"\\"\\n"
                    if spotifyTrack is not "" then return spotifyTrack
                end if
                if application "Music" is running then
                    tell application "Music"
                        if player state is playing then return "Playing " & name of current track & " by " & artist of current track
                    end tell
                end if
                return "Nothing is playing"
                """, media.appleScript("now_playing", args()));
        assertEquals(List.of(List.of("playerctl", "metadata", "--format", "Playing {{title}} by {{artist}}")),
                media.argv("now_playing", args(), Os.LINUX));
    }

    @Test
    void playMusicFindsASongInTheMusicLibrary() {
        assertEquals("""
                tell application "Music"
                    set foundTracks to every track of library playlist 1 whose name contains "Bohemian Rhapsody"
                    if foundTracks is {} then error "Nothing in your Music library matches " & "Bohemian Rhapsody"
                    play item 1 of foundTracks
                    return "Playing " & name of item 1 of foundTracks & " by " & artist of item 1 of foundTracks
                end tell""", media.appleScript("play_music", args("query", "Bohemian Rhapsody")));
        assertEquals("""
                tell application "Music"
                    set foundTracks to every track of library playlist 1 whose artist contains "Nina Simone"
                    if foundTracks is {} then error "Nothing in your Music library matches " & "Nina Simone"
                    play item 1 of foundTracks
                    return "Playing " & name of item 1 of foundTracks & " by " & artist of item 1 of foundTracks
                end tell""", media.appleScript("play_music", args("query", "Nina Simone", "kind", "artist",
                "player", "music")));
        assertEquals("""
                tell application "Music"
                    set foundTracks to every track of library playlist 1 whose album contains "Kind of Blue"
                    if foundTracks is {} then error "Nothing in your Music library matches " & "Kind of Blue"
                    play item 1 of foundTracks
                    return "Playing " & name of item 1 of foundTracks & " by " & artist of item 1 of foundTracks
                end tell""", media.appleScript("play_music", args("query", "Kind of Blue", "kind", "album")));
    }

    @Test
    void playMusicPlaysAPlaylist() {
        assertEquals("""
                tell application "Music"
                    set foundPlaylists to every user playlist whose name contains "Road Trip"
                    if foundPlaylists is {} then error "There is no playlist called " & "Road Trip" & " in Music"
                    play item 1 of foundPlaylists
                    return "Playing the playlist " & name of item 1 of foundPlaylists
                end tell""", media.appleScript("play_music", args("query", "Road Trip", "kind", "playlist")));
    }

    @Test
    void playMusicWithSpotifyOpensItsSearch() {
        assertEquals("""
                open location "spotify:search:artist%3ADaft%20Punk"
                return "Here are Spotify's results for " & "Daft Punk\"""",
                media.appleScript("play_music", args("query", "Daft Punk", "kind", "artist", "player", "spotify")));
        assertEquals("""
                open location "spotify:search:track%3AOne%20More%20Time"
                return "Here are Spotify's results for " & "One More Time\"""",
                media.appleScript("play_music", args("query", "One More Time", "player", "spotify")));
    }

    @Test
    void playMusicKeepsAHostileQueryInsideStringLiterals() {
        String hostile = "\" & do shell script \"rm -rf ~\" & \"\nbeep";
        assertEquals("""
                tell application "Music"
                    set foundTracks to every track of library playlist 1 whose name contains "\\" & do shell script \\"rm -rf ~\\" & \\"\\nbeep"
                    if foundTracks is {} then error "Nothing in your Music library matches " & "\\" & do shell script \\"rm -rf ~\\" & \\"\\nbeep"
                    play item 1 of foundTracks
                    return "Playing " & name of item 1 of foundTracks & " by " & artist of item 1 of foundTracks
                end tell""", media.appleScript("play_music", args("query", hostile)));
        assertEquals("""
                open location "spotify:search:track%3A%22%20%26%20do%20shell%20script%20%22rm%20-rf%20%7E%22%20%26%20%22%0Abeep"
                return "Here are Spotify's results for " & "\\" & do shell script \\"rm -rf ~\\" & \\"\\nbeep\"""",
                media.appleScript("play_music", args("query", hostile, "player", "spotify")));
    }

    @Test
    void playMusicIsNotOnLinuxAndChecksItsArguments() {
        media.assertNotOnLinux("play_music", args("query", "Bohemian Rhapsody"));
        InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class,
                () -> media.plan("play_music", args("query", "x", "player", "tidal"), Os.MACOS));
        assertEquals("player must be one of [music, spotify], got \"tidal\"", e.getMessage());
    }
}
