package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.AppleScriptLiteral;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.Arguments;
import dev.mynah.actions.Risk;
import dev.mynah.actions.Step;

import java.util.List;

/**
 * Messages, FaceTime and email. Whatever reaches another person asks first, repeating exactly what will be sent
 * and to whom; a draft that the user sends themselves does not.
 */
final class CommunicationActions {
    private CommunicationActions() {
    }

    static List<Action> actions() {
        return List.of(
                Action.named("send_message")
                        .description("Send a text message with Messages to a phone number, email address or"
                                + " contact name.")
                        .arguments(ArgumentSchema.builder()
                                .text("to", "Phone number, email address or contact name", true)
                                .text("text", "Message to send", true, 2000)
                                .build())
                        .risk(Risk.OUTWARD_FACING)
                        .macos(a -> Step.appleScript(CommunicationAddresses.handleScript(a.text("to"))
                                + "tell application \"Messages\"\n"
                                + "\tset targetAccount to first account whose service type = iMessage\n"
                                + "\tsend " + AppleScriptLiteral.of(a.text("text"))
                                + " to participant handle of targetAccount\n"
                                + "end tell"))
                        .confirm("Send \"{text}\" to {to}?")
                        .reply("Sent \"{text}\" to {to}.")
                        .build(),
                Action.named("facetime_call")
                        .description("Start a FaceTime video call, or an audio call, with a phone number, email"
                                + " address or contact name.")
                        .arguments(ArgumentSchema.builder()
                                .text("to", "Phone number, email address or contact name", true)
                                .flag("audio_only", "True for an audio call without video", false)
                                .build())
                        .risk(Risk.OUTWARD_FACING)
                        .macos(CommunicationActions::faceTime)
                        .confirm("Start a FaceTime call with {to}?")
                        .reply("Calling {to} on FaceTime.")
                        .build(),
                Action.named("compose_email")
                        .description("Open a new email draft in the mail app for the user to finish and send;"
                                + " sends nothing.")
                        .arguments(ArgumentSchema.builder()
                                .text("to", "Email address to write to", true)
                                .text("subject", "Subject line", false)
                                .text("body", "Text of the email", false, 4000)
                                .build())
                        .risk(Risk.REVERSIBLE)
                        .macos(a -> Step.run("open", mailto(a)))
                        .linux(a -> Step.spawn("xdg-open", mailto(a)))
                        .reply("I opened a new email to {to}.")
                        .build(),
                Action.named("send_email")
                        .description("Send an email with the Mail app right away.")
                        .arguments(ArgumentSchema.builder()
                                .text("to", "Email address, or several separated by commas", true)
                                .text("subject", "Subject line", true)
                                .text("body", "Text of the email", true, 4000)
                                .build())
                        .risk(Risk.OUTWARD_FACING)
                        .macos(a -> Step.appleScript(emailScript(a)))
                        .confirm("Send an email to {to} with the subject \"{subject}\" saying \"{body}\"?")
                        .reply("Email sent to {to}.")
                        .build());
    }

    /** An address goes straight into a FaceTime URL; a contact's name is looked up in Contacts first. */
    private static Step faceTime(Arguments a) {
        String scheme = a.flag("audio_only", false) ? "facetime-audio://" : "facetime://";
        String to = a.text("to");
        if (CommunicationAddresses.isAddress(to)) {
            return Step.run("open", scheme + CommunicationAddresses.urlHandle(to));
        }
        return Step.appleScript(CommunicationAddresses.handleScript(to)
                + "set cleaned to \"\"\n"
                + "repeat with c in (characters of handle)\n"
                + "\tif \"+0123456789@.-_abcdefghijklmnopqrstuvwxyz\" contains (contents of c) then"
                + " set cleaned to cleaned & (contents of c)\n"
                + "end repeat\n"
                + "open location \"" + scheme + "\" & cleaned");
    }

    private static String mailto(Arguments a) {
        return CommunicationAddresses.mailto(a.text("to"), a.optionalText("subject").orElse(null),
                a.optionalText("body").orElse(null));
    }

    private static String emailScript(Arguments a) {
        StringBuilder script = new StringBuilder("tell application \"Mail\"\n")
                .append("\tset newMessage to make new outgoing message with properties {subject:")
                .append(AppleScriptLiteral.of(a.text("subject"))).append(", content:")
                .append(AppleScriptLiteral.of(a.text("body"))).append(", visible:false}\n")
                .append("\ttell newMessage\n");
        for (String address : CommunicationAddresses.emails(a.text("to"))) {
            script.append("\t\tmake new to recipient at end of to recipients with properties {address:")
                    .append(AppleScriptLiteral.of(address)).append("}\n");
        }
        return script.append("\t\tsend\n\tend tell\nend tell").toString();
    }
}
