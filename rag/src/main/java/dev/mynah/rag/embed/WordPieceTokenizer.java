package dev.mynah.rag.embed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.mynah.rag.chunk.TokenCounter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, configured from a Hugging Face tokenizer.json: special tokens matched in
 * the raw text, then BertNormalizer (drop NUL, U+FFFD and control, format, private-use, surrogate and
 * unassigned characters; spaces around CJK ideographs; lowercase; strip accents), BertPreTokenizer (split on
 * whitespace and punctuation) and greedy longest-match WordPiece, a word longer than
 * {@code max_input_chars_per_word} code points becoming [UNK]. Ids match Hugging Face's tokenizers; the order
 * lowercase-then-strip-accents and the final-sigma rule of lowercasing follow BERT's original Python tokenizer.
 * Immutable, so one instance serves any number of threads.
 */
public final class WordPieceTokenizer {
    private final Map<String, Integer> vocab;
    private final String continuingPrefix;
    private final int maxCharsPerWord;
    private final int unknownId;
    private final int clsId;
    private final int sepId;
    private final List<String> specialTokens;
    /** The first characters of the special tokens, so that most text is passed over with one lookup. */
    private final String specialStarts;

    private WordPieceTokenizer(Map<String, Integer> vocab, String continuingPrefix, int maxCharsPerWord,
                               String unknownToken, List<String> specialTokens) {
        this.vocab = vocab;
        this.continuingPrefix = continuingPrefix;
        this.maxCharsPerWord = maxCharsPerWord;
        this.unknownId = idOf(unknownToken);
        this.clsId = idOf("[CLS]");
        this.sepId = idOf("[SEP]");
        this.specialTokens = specialTokens;
        this.specialStarts = specialTokens.stream().map(token -> token.substring(0, 1)).distinct()
                .reduce("", String::concat);
    }

    /** The tokenizer a tokenizer.json describes; it must be a BERT WordPiece one with uncased normalisation. */
    public static WordPieceTokenizer fromJson(String tokenizerJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(tokenizerJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tokenizer.json is not valid JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode model = root.path("model");
        require(model.isObject(), "\"model\" is missing or not an object");
        require("WordPiece".equals(model.path("type").asText()), "its model is " + model.path("type").asText()
                + ", not WordPiece");
        JsonNode normalizer = root.path("normalizer");
        require("BertNormalizer".equals(normalizer.path("type").asText())
                        && normalizer.path("lowercase").asBoolean(false)
                        && normalizer.path("clean_text").asBoolean(false)
                        && normalizer.path("handle_chinese_chars").asBoolean(false)
                        && !(normalizer.path("strip_accents").isBoolean()
                        && !normalizer.path("strip_accents").asBoolean()),
                "its normalizer is not BERT's uncased one (" + normalizer + ")");
        JsonNode preTokenizer = root.path("pre_tokenizer");
        require("BertPreTokenizer".equals(preTokenizer.path("type").asText()),
                "its pre-tokenizer is " + preTokenizer.path("type").asText() + ", not BertPreTokenizer");

        require(model.path("vocab").isObject(), "it has no \"model.vocab\" object");
        Map<String, Integer> vocab = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : model.path("vocab").properties()) {
            require(entry.getValue().canConvertToInt() && entry.getValue().isIntegralNumber(),
                    "the vocabulary id of '" + entry.getKey() + "' is not a whole number");
            vocab.put(entry.getKey(), entry.getValue().intValue());
        }
        List<String> specials = new ArrayList<>();
        for (JsonNode token : root.path("added_tokens")) {
            String content = token.path("content").asText("");
            if (token.path("special").asBoolean(false) && !content.isEmpty()) {
                specials.add(content);
            }
        }
        JsonNode maxChars = model.path("max_input_chars_per_word");
        require(maxChars.isMissingNode() || maxChars.canConvertToInt(),
                "max_input_chars_per_word is not a whole number");
        return new WordPieceTokenizer(vocab, model.path("continuing_subword_prefix").asText("##"),
                maxChars.isMissingNode() ? 100 : maxChars.intValue(), model.path("unk_token").asText("[UNK]"),
                List.copyOf(specials));
    }

    /** The ids of {@code text}'s tokens, without [CLS] and [SEP]. */
    public int[] encode(String text) {
        return encode(text, Integer.MAX_VALUE);
    }

    /** The ids of the first {@code limit} tokens of {@code text}; the rest of the text is not even looked at. */
    public int[] encode(String text, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        Ids ids = new Ids(limit);
        int length = text.length();
        int wordStart = 0;
        for (int i = 0; i < length && !ids.full(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWhitespace(cp)) {
                encodeRawWord(text.substring(wordStart, i), ids);
                wordStart = next;
            }
            i = next;
        }
        if (!ids.full()) {
            encodeRawWord(text.substring(wordStart), ids);
        }
        return ids.toArray();
    }

    /** Counts content tokens, as {@link #encode(String)} gives them: [CLS] and [SEP] are not included. */
    public TokenCounter tokenCounter() {
        return text -> encode(text).length;
    }

    public int clsId() {
        return clsId;
    }

    public int sepId() {
        return sepId;
    }

    public int unknownId() {
        return unknownId;
    }

    /** A stretch of the raw text between whitespace: special tokens are cut out before anything is normalised. */
    private void encodeRawWord(String rawWord, Ids ids) {
        int from = 0;
        for (int i = 0; i < rawWord.length() && !ids.full(); i++) {
            if (specialStarts.indexOf(rawWord.charAt(i)) < 0) {
                continue;
            }
            for (String special : specialTokens) {
                if (rawWord.startsWith(special, i)) {
                    encodeNormalised(normalise(rawWord.substring(from, i)), ids);
                    ids.add(vocab.get(special));
                    from = i + special.length();
                    i = from - 1;
                    break;
                }
            }
        }
        encodeNormalised(normalise(rawWord.substring(from)), ids);
    }

    private static String normalise(String raw) {
        StringBuilder cleaned = new StringBuilder(raw.length());
        raw.codePoints().forEach(cp -> {
            if (cp == 0 || cp == 0xFFFD || isControl(cp)) {
                return;
            }
            if (isChineseCharacter(cp)) {
                cleaned.append(' ').appendCodePoint(cp).append(' ');
            } else {
                cleaned.appendCodePoint(cp);
            }
        });
        String decomposed = Normalizer.normalize(lowercase(cleaned), Normalizer.Form.NFD);
        StringBuilder stripped = new StringBuilder(decomposed.length());
        decomposed.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK)
                .forEach(stripped::appendCodePoint);
        return stripped.toString();
    }

    /**
     * Lowercase as Unicode (and Python, and JavaScript) define it. Java's own final-sigma rule differs (it looks
     * for word boundaries, so "ΣΑΣ_X" keeps a medial σ), so capital sigma is decided here by the standard's rule.
     */
    private static String lowercase(CharSequence text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(c == 'Σ' ? (isFinalSigma(text, i) ? 'ς' : 'σ') : c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Unicode's Final_Sigma: a cased letter before (case-ignorables skipped), none after. */
    private static boolean isFinalSigma(CharSequence text, int index) {
        return casedLetterAround(text, index, -1) && !casedLetterAround(text, index, +1);
    }

    private static boolean casedLetterAround(CharSequence text, int index, int direction) {
        int i = direction < 0 ? index : index + 1;
        while (direction < 0 ? i > 0 : i < text.length()) {
            int cp = direction < 0 ? Character.codePointBefore(text, i) : Character.codePointAt(text, i);
            if (isCased(cp)) {
                return true;
            }
            if (!isCaseIgnorable(cp)) {
                return false;
            }
            i += direction * Character.charCount(cp);
        }
        return false;
    }

    private static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    private static boolean isCaseIgnorable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.FORMAT, Character.MODIFIER_LETTER,
                 Character.MODIFIER_SYMBOL -> true;
            // Word_Break MidLetter, MidNumLet and Single_Quote
            default -> switch (cp) {
                case '\'', '.', ':', 0x00B7, 0x0387, 0x055F, 0x05F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52,
                     0xFE55, 0xFF07, 0xFF0E, 0xFF1A -> true;
                default -> false;
            };
        };
    }

    /** BertPreTokenizer then WordPiece over normalised text. */
    private void encodeNormalised(String text, Ids ids) {
        int wordStart = 0;
        for (int i = 0; i < text.length() && !ids.full(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isWhitespace(cp) || isPunctuation(cp)) {
                encodeWord(text.substring(wordStart, i), ids);
                if (isPunctuation(cp)) {
                    encodeWord(text.substring(i, next), ids);
                }
                wordStart = next;
            }
            i = next;
        }
        encodeWord(text.substring(wordStart), ids);
    }

    private void encodeWord(String word, Ids ids) {
        if (word.isEmpty() || ids.full()) {
            return;
        }
        int[] offsets = word.codePoints().map(Character::charCount).toArray();
        if (offsets.length > maxCharsPerWord) {
            ids.add(unknownId);
            return;
        }
        int[] boundaries = new int[offsets.length + 1];
        for (int i = 0; i < offsets.length; i++) {
            boundaries[i + 1] = boundaries[i] + offsets[i];
        }
        int[] pieces = new int[offsets.length];
        int count = 0;
        for (int start = 0; start < offsets.length; ) {
            int end = offsets.length;
            Integer id = null;
            for (; end > start; end--) {
                String piece = word.substring(boundaries[start], boundaries[end]);
                id = vocab.get(start == 0 ? piece : continuingPrefix + piece);
                if (id != null) {
                    break;
                }
            }
            if (id == null) {
                ids.add(unknownId);
                return;
            }
            pieces[count++] = id;
            start = end;
        }
        for (int i = 0; i < count; i++) {
            ids.add(pieces[i]);
        }
    }

    /** Whitespace that survives cleaning (Unicode White_Space minus the control characters, which are dropped). */
    private static boolean isWhitespace(int cp) {
        return switch (cp) {
            case ' ', '\t', '\n', '\r', 0x00A0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200A;
        };
    }

    private static boolean isControl(int cp) {
        if (cp == '\t' || cp == '\n' || cp == '\r') {
            return false;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE,
                 Character.UNASSIGNED -> true;
            default -> false;
        };
    }

    private static boolean isPunctuation(int cp) {
        if ((cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) || (cp >= 0x5B && cp <= 0x60)
                || (cp >= 0x7B && cp <= 0x7E)) {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
            default -> false;
        };
    }

    /** The CJK Unified Ideographs blocks BERT splits into single tokens (Hangul and kana are not among them). */
    private static boolean isChineseCharacter(int cp) {
        return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF)
                || (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F)
                || (cp >= 0x2B820 && cp <= 0x2CEAF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x2F800 && cp <= 0x2FA1F);
    }

    private int idOf(String token) {
        Integer id = vocab.get(token);
        require(id != null, "its vocabulary has no " + token + " token");
        return id;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException("Not a BERT WordPiece tokenizer.json: " + problem);
        }
    }

    /** Token ids gathered up to a limit. */
    private static final class Ids {
        private final int limit;
        private int[] values = new int[16];
        private int size;

        Ids(int limit) {
            this.limit = limit;
        }

        boolean full() {
            return size >= limit;
        }

        void add(int id) {
            if (full()) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = id;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
