package dev.mynah.actions.catalog;

import dev.mynah.actions.AppleScriptLiteral;
import dev.mynah.actions.InvalidArgumentsException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Who a message goes to: phone numbers, email addresses, contacts by name, and the URLs that carry them. */
final class CommunicationAddresses {
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;]+@[^@\\s,;]+\\.[^@\\s,;]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{3,}[0-9]");

    private CommunicationAddresses() {
    }

    static boolean isAddress(String to) {
        String s = to.strip();
        return EMAIL.matcher(s).matches() || PHONE.matcher(s).matches();
    }

    /**
     * AppleScript that sets {@code handle} to the phone number or email address to reach {@code to}: the text
     * itself when it is one, else the first phone number (or email) of the contact with that name or nickname.
     */
    static String handleScript(String to) {
        String who = AppleScriptLiteral.of(to.strip());
        if (isAddress(to)) {
            return "set handle to " + who + "\n";
        }
        return "tell application \"Contacts\"\n"
                + "\tset found to every person whose name is " + who + " or nickname is " + who + " or first name is "
                + who + "\n"
                + "\tif found is {} then error \"There is no contact called \" & " + who + " & \" in Contacts.\"\n"
                + "\tset target to item 1 of found\n"
                + "\tif (count of phones of target) > 0 then\n"
                + "\t\tset handle to value of first phone of target\n"
                + "\telse if (count of emails of target) > 0 then\n"
                + "\t\tset handle to value of first email of target\n"
                + "\telse\n"
                + "\t\terror " + who + " & \" has no phone number or email address in Contacts.\"\n"
                + "\tend if\n"
                + "end tell\n";
    }

    /** The email addresses in {@code to} (separated by commas or semicolons); anything else is refused. */
    static List<String> emails(String to) {
        List<String> addresses = Arrays.stream(to.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
        for (String address : addresses) {
            if (!EMAIL.matcher(address).matches()) {
                throw new InvalidArgumentsException("to must be email addresses like anna@example.com; \"" + address
                        + "\" is not one");
            }
        }
        if (addresses.isEmpty()) {
            throw new InvalidArgumentsException("to is empty; say the email address to write to");
        }
        return addresses;
    }

    /** A phone number as a URL wants it, digits and a leading "+"; an email address percent-encoded. */
    static String urlHandle(String address) {
        String s = address.strip();
        return s.contains("@") ? percentEncode(s, "@") : s.replaceAll("[^0-9+]", "");
    }

    /** A {@code mailto:} URL (RFC 6068); nothing in the fields can add a header or another recipient. */
    static String mailto(String to, String subject, String body) {
        StringBuilder url = new StringBuilder("mailto:").append(percentEncode(to.strip(), "@,"));
        String separator = "?";
        if (subject != null && !subject.isEmpty()) {
            url.append(separator).append("subject=").append(percentEncode(subject, ""));
            separator = "&";
        }
        if (body != null && !body.isEmpty()) {
            String lines = body.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\r\n");
            url.append(separator).append("body=").append(percentEncode(lines, ""));
        }
        return url.toString();
    }

    /** UTF-8 percent-encoding of everything but letters, digits, "-._~" and {@code keep}. */
    static String percentEncode(String text, String keep) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean plain = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0
                    || keep.indexOf(c) >= 0);
            if (plain) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
