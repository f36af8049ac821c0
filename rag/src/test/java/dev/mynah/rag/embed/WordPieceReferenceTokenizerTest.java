package dev.mynah.rag.embed;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynah.supply.NpmPackage;
import dev.mynah.supply.PackageCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our WordPiece tokenizer gives the same ids as an independent implementation, transformers.js's tokenizers
 * (npm {@code @lenml/tokenizers}, its no-dependency extract), run by node on the same tokenizer.json over
 * thousands of generated strings. Two inputs are left out of the generator because transformers.js departs there
 * from BERT's Python and Hugging Face's Rust tokenizers, which we follow (see {@link WordPieceTokenizerTest}):
 * ideographs beyond the Basic Multilingual Plane and unassigned code points.
 */
class WordPieceReferenceTokenizerTest {
    static final NpmPackage TRANSFORMERS_JS_TOKENIZERS = new NpmPackage("@lenml/tokenizers", "3.7.2",
            "sha512-tuap9T7Q80Czor8NHzxjlLNvxEX8MgFINzsBTV+lq1v7G+78YR3ZvBhmLsPHtgqExB4Q4kCJH6dhXOYWSLdHLw==");
    private static final int GENERATED = 3000;
    private static final String NODE_SCRIPT = """
            const fs = require('fs');
            const [library, tokenizerFile, textsFile, idsFile] = process.argv.slice(2);
            const { TokenizerLoader } = require(library);
            const tokenizer = TokenizerLoader.fromPreTrained({
                tokenizerJSON: JSON.parse(fs.readFileSync(tokenizerFile, 'utf8')),
                tokenizerConfig: { tokenizer_class: 'BertTokenizer' } });
            const texts = JSON.parse(fs.readFileSync(textsFile, 'utf8'));
            const ids = texts.map(text => tokenizer.encode(text, { add_special_tokens: false }));
            fs.writeFileSync(idsFile, JSON.stringify(ids));
            """;

    private static final String[] WORDS = {
        "the", "password", "Reset", "ROUTER", "manual", "configuration", "unaffable", "tokenization", "Mynah",
        "don't", "it's", "e-mail", "3.14159", "1,000,000", "v2.0.1", "https://example.org/a?b=c&d=e", "C++",
        "naïve", "café", "Ångström", "Æsir", "straße", "façade", "résumé", "coöperate", "İstanbul", "ΟΔΟΣ",
        "Σίσυφος", "ΣΑΣ", "Москва", "привет", "日本語", "東京", "ひらがな", "カタカナ", "한국어", "مرحبا", "שלום",
        "हिन्दी", "ไทย", "你好", "世界", "中华人民共和国", "密码", "如何重置", "，", "。", "！", "？", "「引用」",
        "😀", "👍🏽", "👨‍👩‍👧", "🇩🇪", "❤️", "★", "→", "∑", "½", "²", "ﬁ", "Ａｂｃ", "①", "™", "©", "°C",
        "«quote»", "“smart”", "‘single’", "—", "–", "…", "¿Qué?", "¡Hola!", "#hashtag", "@user", "$5", "%",
        "[SEP]", "[CLS]", "[MASK]", "[PAD]", "[UNK]", "[sep]", "[SEP", "x[SEP]y", "a\u0301", "n\u0303",
        "e\u0308\u0301", "\u0000", "\u200B", "\u200D", "\uFEFF", "\u00AD", "\u0007", "\u001F", "\u007F",
        "\u0085", "\uE000", "\uFFFD", "\u000B", "\u000C", "Hello\u0000World", "zero\u200Bwidth",
        "x".repeat(100), "y".repeat(101), "ab".repeat(60), "supercalifragilisticexpialidocious",
        "pneumonoultramicroscopicsilicovolcanoconiosis", "😀".repeat(101), "é".repeat(101),
    };
    private static final String[] SEPARATORS = {
        " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u3000", "\u2003", "\u2028", "", ",", ". ", "-", "/",
        "_", "'", "\"", "(", ")", "\u202F", "\u1680",
    };

    @TempDir
    static Path dir;
    private static WordPieceTokenizer tokenizer;
    private static Path tokenizerJson;

    @BeforeAll
    static void load() throws Exception {
        tokenizer = MiniLmEmbedder.tokenizer();
        tokenizerJson = dir.resolve("tokenizer.json");
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json")) {
            Files.write(tokenizerJson, in.readAllBytes());
        }
    }

    @Test
    void generatedTextsGetTheSameIdsAsTransformersJs() throws Exception {
        List<String> texts = generatedTexts(new Random(20261124L));
        List<int[]> expected = reference(texts);

        assertEquals(GENERATED, expected.size());
        long tokens = 0;
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            int[] ours = tokenizer.encode(text);
            assertArrayEquals(expected.get(i), ours, () -> "text " + describe(text));
            tokens += ours.length;
        }
        System.out.printf("%d texts, %d tokens, identical to transformers.js%n", texts.size(), tokens);
    }

    @Test
    void aLongTextCutAtTheModelLimitIsThePrefixOfTheReferenceIds() throws Exception {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        while (text.length() < 20_000) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
        }
        int[] reference = reference(List.of(text.toString())).getFirst();
        assertTrue(reference.length > 1000, "long enough: " + reference.length);

        assertArrayEquals(Arrays.copyOf(reference, MiniLmEmbedder.MAX_TOKENS),
                tokenizer.encode(text.toString(), MiniLmEmbedder.MAX_TOKENS));
    }

    /** Short texts from the word list, random printable code points from old Unicode blocks, and both mixed. */
    private static List<String> generatedTexts(Random random) {
        List<String> texts = new ArrayList<>(GENERATED);
        while (texts.size() < GENERATED) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(12);
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(4) == 0) {
                    int length = 1 + random.nextInt(8);
                    for (int c = 0; c < length; c++) {
                        text.appendCodePoint(randomCodePoint(random));
                    }
                } else {
                    String word = WORDS[random.nextInt(WORDS.length)];
                    text.append(random.nextInt(5) == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word);
                }
                text.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            texts.add(text.toString());
        }
        return texts;
    }

    /**
     * An assigned code point from blocks that every Unicode version since 6 agrees on (node's ICU and the JDK
     * may be a version apart), never a lone surrogate, unassigned, or an ideograph outside the BMP.
     */
    private static int randomCodePoint(Random random) {
        int[][] ranges = {
            {0x20, 0x7E}, {0xA0, 0x24F}, {0x300, 0x36F}, {0x370, 0x3FF}, {0x400, 0x4FF}, {0x590, 0x5FF},
            {0x600, 0x6FF}, {0x900, 0x97F}, {0xE00, 0xE7F}, {0x1100, 0x11FF}, {0x2000, 0x206F}, {0x2100, 0x214F},
            {0x2190, 0x21FF}, {0x2200, 0x22FF}, {0x2600, 0x26FF}, {0x3000, 0x303F}, {0x3040, 0x30FF},
            {0x4E00, 0x9FCC}, {0xAC00, 0xD7A3}, {0xF900, 0xFA2D}, {0xFF00, 0xFFEF}, {0x1F300, 0x1F5FF},
            {0x1F600, 0x1F64F}, {0x1D400, 0x1D4FF}, {0x0, 0x1F},
        };
        while (true) {
            int[] range = ranges[random.nextInt(ranges.length)];
            int cp = range[0] + random.nextInt(range[1] - range[0] + 1);
            if (Character.getType(cp) != Character.UNASSIGNED) {
                return cp;
            }
        }
    }

    private static List<int[]> reference(List<String> texts) throws Exception {
        Path library = PackageCache.forUser().resolve(TRANSFORMERS_JS_TOKENIZERS).resolve("dist/main.js");
        Path script = Files.writeString(dir.resolve("encode.js"), NODE_SCRIPT);
        Path textsFile = dir.resolve("texts.json");
        Path idsFile = dir.resolve("ids.json");
        ObjectMapper json = new ObjectMapper();
        json.writeValue(textsFile.toFile(), texts);
        Files.deleteIfExists(idsFile);
        Process node = new ProcessBuilder("node", script.toString(), library.toString(), tokenizerJson.toString(),
                textsFile.toString(), idsFile.toString()).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(5, TimeUnit.MINUTES), "node did not finish");
        assertEquals(0, node.exitValue(), "node failed (apt-get install nodejs npm): " + output);
        return Arrays.asList(json.readValue(idsFile.toFile(), int[][].class));
    }

    private static String describe(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> out.append(cp < 0x20 || cp > 0x7E ? String.format("\\u{%X}", cp)
                : Character.toString(cp)));
        return out.append('"').toString();
    }
}
