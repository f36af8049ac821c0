package dev.mynah.nativelibs.llama;

import dev.mynah.fixtures.qwen3.Qwen3ReferenceTokenizer;
import dev.mynah.fixtures.qwen3.Qwen3Tokenizer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LlamaModelTest {
    private static final List<String> SAMPLES = List.of(
            "Hello, world! How's it going?",
            "Set the volume to 40 percent and play some jazz.",
            "把音量调到百分之三十，然后打开音乐。",
            "今天天气怎么样？",
            "I ❤️ llamas 🦙🦙 and 👨‍👩‍👧‍👦 emoji.",
            "def add(a, b):\n    return a + b  # sum\n\n\tprint(add(1, 2))",
            "   leading spaces, trailing spaces   ",
            "Line one\r\nLine two\n\n\nLine five",
            "naïve café résumé — “quotes” ‘single’ …",
            "Numbers: 1234567890, 3.14159, -42, 1e10",
            "Mixed 中文 and English 混合 text with 123 数字.",
            "URL https://example.com/path?q=1&r=2 and email a.b@c.de");

    private static LlamaModel model;
    private static Qwen3Tokenizer tokenizer;

    @BeforeAll
    static void load() throws Exception {
        tokenizer = TinyModels.tokenizer();
        model = LlamaModel.load(TinyModels.qwen3());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void reportsTheMetadataTheFileWasWrittenWith() {
        ModelInfo info = model.info();

        assertEquals("qwen3", info.architecture());
        assertEquals(64, info.embeddingLength());
        assertEquals(2, info.layerCount());
        assertEquals(4096, info.trainedContextLength());
        assertEquals(151936, info.vocabularySize());
        assertEquals(tokenizer.chatTemplate(), info.chatTemplate());
        assertEquals(tokenizer.eosTokenId(), info.eosToken());
        assertTrue(info.parameterCount() > 151936L * 64, "parameters: " + info.parameterCount());
        assertTrue(Qwen3ChatFormat.matches(info.chatTemplate()));
    }

    @Test
    void tokenizesExactlyAsTheQwen3TokenizerFilesDefine() {
        Qwen3ReferenceTokenizer reference = new Qwen3ReferenceTokenizer(tokenizer);
        for (String text : SAMPLES) {
            assertArrayEquals(reference.encode(text), model.tokenize(text, false, false), text);
        }
    }

    @Test
    void parsesSpecialTokensOnlyWhenAsked() {
        String text = "<|im_start|>user\nhi<|im_end|>";
        int imStart = tokenizer.tokens().indexOf("<|im_start|>");
        int imEnd = tokenizer.tokens().indexOf("<|im_end|>");

        int[] parsed = model.tokenize(text, false, true);
        int[] literal = model.tokenize(text, false, false);

        assertEquals(imStart, parsed[0]);
        assertEquals(imEnd, parsed[parsed.length - 1]);
        assertFalse(Arrays.stream(literal).anyMatch(t -> t == imStart || t == imEnd));
    }

    @Test
    void detokenizesBackToTheOriginalTextAndStreamsOnlyWholeCharacters() {
        boolean sawSplitCharacter = false;
        for (String text : SAMPLES) {
            int[] tokens = model.tokenize(text, false, false);
            assertEquals(text, model.detokenize(tokens, false));

            TextDecoder decoder = new TextDecoder();
            StringBuilder streamed = new StringBuilder();
            for (int token : tokens) {
                byte[] bytes = model.tokenBytes(token, false);
                sawSplitCharacter |= !isCompleteUtf8(bytes);
                String piece = decoder.append(bytes);
                assertFalse(piece.contains("\uFFFD"), "half a character was emitted for: " + text);
                streamed.append(piece);
            }
            streamed.append(decoder.finish());
            assertEquals(text, streamed.toString());
        }
        assertTrue(sawSplitCharacter, "the samples must include a character split across tokens");
    }

    @Test
    void rendersPlainTurnsWithTheModelsTemplateThroughLlamaCpp() {
        List<ChatMessage> chat = List.of(
                ChatMessage.system("You are Mynah."),
                ChatMessage.user("What time is it?"),
                ChatMessage.assistant("It is noon."),
                ChatMessage.user("Thanks!"));

        // Rendered from the real Qwen3 Jinja template by @huggingface/jinja 0.5.11 (add_generation_prompt=true).
        String expected = "<|im_start|>system\nYou are Mynah.<|im_end|>\n<|im_start|>user\nWhat time is it?<|im_end|>\n"
                + "<|im_start|>assistant\nIt is noon.<|im_end|>\n<|im_start|>user\nThanks!<|im_end|>\n"
                + "<|im_start|>assistant\n";
        assertEquals(expected, model.applyChatTemplate(chat, true));
        assertEquals(expected, Qwen3ChatFormat.render(chat, List.of(), true, true));
    }

    @Test
    void rendersToolTurnsInQwen3sOwnFormatForAQwen3Model() {
        List<ChatMessage> chat = List.of(
                ChatMessage.user("Open Safari"),
                ChatMessage.assistantCalling("", new ChatMessage.ToolCall("open_app", "{\"name\": \"Safari\"}")),
                ChatMessage.tool("ok"));

        String rendered = model.renderChat(chat, List.of(), true, false);

        // Expected: the real Qwen3 Jinja template rendered by @huggingface/jinja 0.5.11 (enable_thinking=false).
        // Qwen3 folds tool results into a user turn; llama.cpp's built-in ChatML rendering does not.
        assertEquals("<|im_start|>user\nOpen Safari<|im_end|>\n<|im_start|>assistant\n<tool_call>\n"
                + "{\"name\": \"open_app\", \"arguments\": {\"name\": \"Safari\"}}\n</tool_call><|im_end|>\n"
                + "<|im_start|>user\n<tool_response>\nok\n</tool_response><|im_end|>\n"
                + "<|im_start|>assistant\n<think>\n\n</think>\n\n", rendered);
        assertFalse(model.applyChatTemplate(chat, true).contains("<tool_response>"));
    }

    @Test
    void routesLlamaCppLogLinesToSystemLogger() throws Exception {
        Logger logger = Logger.getLogger("dev.mynah.llama.cpp");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try (LlamaModel again = LlamaModel.load(TinyModels.qwen3())) {
            assertEquals("qwen3", again.info().architecture());
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }
        assertTrue(records.stream().anyMatch(r -> r.getMessage().contains("qwen3")),
                "llama.cpp's loader names the architecture in its log");
        assertTrue(records.stream().noneMatch(r -> r.getMessage().contains("\n")), "log records are whole lines");
    }

    @Test
    void reportsLoadProgressAndCanCancelTheLoad() throws Exception {
        List<Float> progress = new ArrayList<>();
        try (LlamaModel loaded = LlamaModel.load(TinyModels.qwen3(), ModelOptions.defaults(), f -> {
            progress.add(f);
            return true;
        })) {
            assertEquals(1.0f, progress.getLast());
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back");
            }
        }

        assertThrows(ModelLoadException.Cancelled.class,
                () -> LlamaModel.load(TinyModels.qwen3(), ModelOptions.defaults(), f -> false));
    }

    @Test
    void refusesTokenIdsOutsideTheVocabulary() {
        assertThrows(IllegalArgumentException.class, () -> model.tokenBytes(151936, false));
        assertThrows(IllegalArgumentException.class, () -> model.tokenBytes(-1, false));
    }

    private static boolean isCompleteUtf8(byte[] bytes) {
        return TextDecoder.completePrefixLength(bytes) == bytes.length
                && !new String(bytes, StandardCharsets.UTF_8).contains("\uFFFD");
    }
}
