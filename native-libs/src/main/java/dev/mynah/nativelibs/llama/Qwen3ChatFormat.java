package dev.mynah.nativelibs.llama;

import java.util.List;

/**
 * Renders conversations exactly as Qwen3's own Jinja chat template does, including what
 * {@code llama_chat_apply_template} cannot express: the tools block, assistant tool calls, tool responses
 * folded into user turns, dropping the reasoning of earlier turns, and the empty think block that turns
 * thinking off.
 */
public final class Qwen3ChatFormat {
    private Qwen3ChatFormat() {
    }

    /** Whether a model's chat template is Qwen3's (ChatML with tool calls and think blocks). */
    public static boolean matches(String chatTemplate) {
        return chatTemplate != null && chatTemplate.contains("<|im_start|>") && chatTemplate.contains("<tool_call>")
                && chatTemplate.contains("<think>");
    }

    /**
     * @param toolsJson tool descriptions, each a JSON object serialised as Python's {@code json.dumps} would
     *                  ({@code ", "} and {@code ": "} separators), as the template's {@code tojson} writes them
     * @param thinking  false appends the empty think block that asks Qwen3 to answer without reasoning
     */
    public static String render(List<ChatMessage> messages, List<String> toolsJson, boolean addGenerationPrompt,
                                boolean thinking) {
        StringBuilder out = new StringBuilder();
        boolean leadingSystem = !messages.isEmpty() && messages.getFirst().role().equals("system");
        if (!toolsJson.isEmpty()) {
            out.append("<|im_start|>system\n");
            if (leadingSystem) {
                out.append(messages.getFirst().content()).append("\n\n");
            }
            out.append("# Tools\n\nYou may call one or more functions to assist with the user query.\n\n"
                    + "You are provided with function signatures within <tools></tools> XML tags:\n<tools>");
            for (String tool : toolsJson) {
                out.append('\n').append(tool);
            }
            out.append("\n</tools>\n\nFor each function call, return a json object with function name and "
                    + "arguments within <tool_call></tool_call> XML tags:\n<tool_call>\n{\"name\": "
                    + "<function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n");
        } else if (leadingSystem) {
            out.append("<|im_start|>system\n").append(messages.getFirst().content()).append("<|im_end|>\n");
        }
        int lastQuery = lastQueryIndex(messages);
        for (int i = 0; i < messages.size(); i++) {
            ChatMessage message = messages.get(i);
            switch (message.role()) {
                case "user" -> turn(out, message);
                case "system" -> {
                    if (i > 0) {
                        turn(out, message);
                    }
                }
                case "assistant" -> assistant(out, message, i > lastQuery, i == messages.size() - 1);
                case "tool" -> {
                    if (i == 0 || !messages.get(i - 1).role().equals("tool")) {
                        out.append("<|im_start|>user");
                    }
                    out.append("\n<tool_response>\n").append(message.content()).append("\n</tool_response>");
                    if (i == messages.size() - 1 || !messages.get(i + 1).role().equals("tool")) {
                        out.append("<|im_end|>\n");
                    }
                }
                default -> { } // The template renders no other roles.
            }
        }
        if (addGenerationPrompt) {
            out.append("<|im_start|>assistant\n");
            if (!thinking) {
                out.append("<think>\n\n</think>\n\n");
            }
        }
        return out.toString();
    }

    private static void turn(StringBuilder out, ChatMessage message) {
        out.append("<|im_start|>").append(message.role()).append('\n').append(message.content()).append("<|im_end|>\n");
    }

    private static void assistant(StringBuilder out, ChatMessage message, boolean afterLastQuery, boolean last) {
        String content = message.content();
        String reasoning = "";
        int close = content.indexOf("</think>");
        if (close >= 0) {
            String before = content.substring(0, close);
            content = stripLeadingNewlines(content.substring(content.lastIndexOf("</think>") + "</think>".length()));
            String rstripped = before.replaceAll("\n+$", "");
            reasoning = stripLeadingNewlines(rstripped.substring(rstripped.lastIndexOf("<think>") < 0
                    ? 0 : rstripped.lastIndexOf("<think>") + "<think>".length()));
        }
        out.append("<|im_start|>assistant\n");
        if (afterLastQuery && (last || !reasoning.isEmpty())) {
            out.append("<think>\n").append(reasoning.replaceAll("^\n+|\n+$", "")).append("\n</think>\n\n")
                    .append(stripLeadingNewlines(content));
        } else {
            out.append(content);
        }
        List<ChatMessage.ToolCall> calls = message.toolCalls();
        for (int j = 0; j < calls.size(); j++) {
            if (j > 0 || !content.isEmpty()) {
                out.append('\n');
            }
            out.append("<tool_call>\n{\"name\": \"").append(calls.get(j).name()).append("\", \"arguments\": ")
                    .append(calls.get(j).argumentsJson()).append("}\n</tool_call>");
        }
        out.append("<|im_end|>\n");
    }

    /** Index of the last real user query: tool responses sent as user turns do not count. */
    private static int lastQueryIndex(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            ChatMessage m = messages.get(i);
            boolean toolResponse = m.content().startsWith("<tool_response>") && m.content().endsWith("</tool_response>");
            if (m.role().equals("user") && !toolResponse) {
                return i;
            }
        }
        return messages.size() - 1;
    }

    private static String stripLeadingNewlines(String text) {
        int i = 0;
        while (i < text.length() && text.charAt(i) == '\n') {
            i++;
        }
        return text.substring(i);
    }
}
