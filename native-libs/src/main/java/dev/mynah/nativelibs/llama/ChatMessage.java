package dev.mynah.nativelibs.llama;

import java.util.List;
import java.util.Objects;

/**
 * One turn of a conversation: role ("system", "user", "assistant", "tool"), its text, and for an assistant
 * turn the tool calls it made.
 */
public record ChatMessage(String role, String content, List<ToolCall> toolCalls) {

    /** A function call made by the assistant; {@code argumentsJson} is a JSON object as text. */
    public record ToolCall(String name, String argumentsJson) {
        public ToolCall {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(argumentsJson, "argumentsJson");
        }
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        toolCalls = List.copyOf(toolCalls);
        if (!toolCalls.isEmpty() && !role.equals("assistant")) {
            throw new IllegalArgumentException("only assistant turns carry tool calls");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content, List.of());
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content, List.of());
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content, List.of());
    }

    public static ChatMessage assistantCalling(String content, ToolCall... calls) {
        return new ChatMessage("assistant", content, List.of(calls));
    }

    /** The result of a tool call, sent back to the model. */
    public static ChatMessage tool(String content) {
        return new ChatMessage("tool", content, List.of());
    }
}
