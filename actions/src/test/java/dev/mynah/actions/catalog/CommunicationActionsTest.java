package dev.mynah.actions.catalog;

import dev.mynah.actions.InvalidArgumentsException;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.Plan;
import dev.mynah.actions.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommunicationActionsTest {
    private static final CatalogFixtures ACTIONS = CatalogFixtures.of(CommunicationActions.actions());
    private static final String HOSTILE = "Hi \"Bob\" \\ \" & (do shell script \"id\") & \"\nbye";

    @Test
    void actionsMatchTheCatalogue() {
        assertEquals(List.of(
                "send_message outward-facing to:text(200) text:text(2000)",
                "facetime_call outward-facing to:text(200) audio_only?:flag",
                "compose_email reversible to:text(200) subject?:text(200) body?:text(4000)",
                "send_email outward-facing to:text(200) subject:text(200) body:text(4000)"),
                CommunicationActions.actions().stream().map(ProductivityActionsTest::signature).toList());
    }

    @Test
    void messageToANumberSendsTheEscapedTextToThatParticipant() {
        assertEquals("""
                        set handle to "+1 (555) 123-4567"
                        tell application "Messages"
                        \tset targetAccount to first account whose service type = iMessage
                        \tsend "Hi \\"Bob\\" \\\\ \\" & (do shell script \\"id\\") & \\"\\nbye" to participant handle \
                        of targetAccount
                        end tell""",
                ACTIONS.appleScript("send_message", args("to", "+1 (555) 123-4567", "text", HOSTILE)));
    }

    @Test
    void messageToANameLooksTheContactUpWithTheNameAsALiteral() {
        assertEquals("""
                        tell application "Contacts"
                        \tset found to every person whose name is "Mom \\" & (do shell script \\"id\\") & \\"" or \
                        nickname is "Mom \\" & (do shell script \\"id\\") & \\"" or first name is \
                        "Mom \\" & (do shell script \\"id\\") & \\""
                        \tif found is {} then error "There is no contact called " & "Mom \\" & (do shell script \
                        \\"id\\") & \\"" & " in Contacts."
                        \tset target to item 1 of found
                        \tif (count of phones of target) > 0 then
                        \t\tset handle to value of first phone of target
                        \telse if (count of emails of target) > 0 then
                        \t\tset handle to value of first email of target
                        \telse
                        \t\terror "Mom \\" & (do shell script \\"id\\") & \\"" & " has no phone number or email \
                        address in Contacts."
                        \tend if
                        end tell
                        tell application "Messages"
                        \tset targetAccount to first account whose service type = iMessage
                        \tsend "on my way" to participant handle of targetAccount
                        end tell""",
                ACTIONS.appleScript("send_message",
                        args("to", "Mom \" & (do shell script \"id\") & \"", "text", "on my way")));
    }

    @Test
    void outwardFacingActionsRepeatWhatAndToWhomBeforeRunning() {
        Outcome message = ACTIONS.execute("send_message", args("to", "Anna", "text", "Running late"), Os.MACOS, false);
        assertEquals(Outcome.Status.NEEDS_CONFIRMATION, message.status());
        assertEquals("Send \"Running late\" to Anna?", message.reply());
        assertEquals("Start a FaceTime call with Anna?", ACTIONS.execute("facetime_call", args("to", "Anna"),
                Os.MACOS, false).reply());
        assertEquals("Send an email to bob@example.com with the subject \"Lunch\" saying \"Noon at the usual place\"?",
                ACTIONS.execute("send_email", args("to", "bob@example.com", "subject", "Lunch", "body",
                        "Noon at the usual place"), Os.MACOS, false).reply());
        Plan draft = ACTIONS.plan("compose_email", args("to", "bob@example.com"), Os.MACOS);
        assertFalse(draft.needsConfirmation());
        assertNull(draft.confirmationPrompt());
    }

    @Test
    void faceTimeToAnAddressOpensAnEncodedUrl() {
        assertEquals(List.of(List.of("open", "facetime://anna@example.com")),
                ACTIONS.argv("facetime_call", args("to", "anna@example.com"), Os.MACOS));
        assertEquals(List.of(List.of("open", "facetime-audio://+442079460958")),
                ACTIONS.argv("facetime_call", args("to", "+44 (20) 7946-0958", "audio_only", true), Os.MACOS));
        assertEquals(List.of(List.of("open", "facetime://a%26b@x.com%3Fcall%3D1")),
                ACTIONS.argv("facetime_call", args("to", "a&b@x.com?call=1"), Os.MACOS));
    }

    @Test
    void faceTimeToANameLooksUpTheContactAndKeepsOnlyAddressCharacters() {
        String script = ACTIONS.appleScript("facetime_call", args("to", "Mom", "audio_only", true));
        assertTrue(script.startsWith("tell application \"Contacts\"\n\tset found to every person whose name is"
                + " \"Mom\" or nickname is \"Mom\" or first name is \"Mom\"\n"), script);
        assertTrue(script.endsWith("""
                end tell
                set cleaned to ""
                repeat with c in (characters of handle)
                \tif "+0123456789@.-_abcdefghijklmnopqrstuvwxyz" contains (contents of c) then set cleaned to \
                cleaned & (contents of c)
                end repeat
                open location "facetime-audio://" & cleaned"""), script);
    }

    @Test
    void composeEmailOpensAMailtoUrlThatCannotGainHeaders() {
        assertEquals(List.of(List.of("open", "mailto:anna@example.com?subject=Lunch%20%26%20more%3F&body="
                        + "Line%201%0D%0ALine%202%20%3Fbcc%3Devil%40x.com%20Caf%C3%A9")),
                ACTIONS.argv("compose_email", args("to", "anna@example.com", "subject", "Lunch & more?",
                        "body", "Line 1\nLine 2 ?bcc=evil@x.com Café"), Os.MACOS));
        assertEquals(List.of(List.of("xdg-open", "mailto:anna@example.com%3Fbcc%3Devil@x.com")),
                ACTIONS.argv("compose_email", args("to", "anna@example.com?bcc=evil@x.com"), Os.LINUX));
        assertInstanceOf(Step.Spawn.class, ACTIONS.plan("compose_email", args("to", "a@b.c"), Os.LINUX).steps()
                .getFirst());
    }

    @Test
    void sendEmailAddsEachRecipientAndSends() {
        assertEquals("""
                        tell application "Mail"
                        \tset newMessage to make new outgoing message with properties {subject:"Re: \\"plan\\"", \
                        content:"Line 1\\n\\\\ \\" & (do shell script \\"id\\") & \\"", visible:false}
                        \ttell newMessage
                        \t\tmake new to recipient at end of to recipients with properties {address:"a@x.com"}
                        \t\tmake new to recipient at end of to recipients with properties {address:"b.c@y.org"}
                        \t\tsend
                        \tend tell
                        end tell""",
                ACTIONS.appleScript("send_email", args("to", "a@x.com, b.c@y.org", "subject", "Re: \"plan\"",
                        "body", "Line 1\n\\ \" & (do shell script \"id\") & \"")));
    }

    @Test
    void sendEmailRefusesSomethingThatIsNotAnAddress() {
        InvalidArgumentsException e = assertThrows(InvalidArgumentsException.class, () -> ACTIONS.plan("send_email",
                args("to", "a@x.com; Anna", "subject", "Hi", "body", "Hello"), Os.MACOS));
        assertEquals("to must be email addresses like anna@example.com; \"Anna\" is not one", e.getMessage());
    }

    @Test
    void onlyDraftingEmailIsAvailableOnLinux() {
        ACTIONS.assertNotOnLinux("send_message", args("to", "Anna", "text", "hi"));
        ACTIONS.assertNotOnLinux("facetime_call", args("to", "Anna"));
        ACTIONS.assertNotOnLinux("send_email", args("to", "a@x.com", "subject", "s", "body", "b"));
    }
}
