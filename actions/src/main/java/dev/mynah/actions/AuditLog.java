package dev.mynah.actions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The record of what Mynah decided and did: one JSON line per utterance in {@code actions.jsonl}, appended with
 * one write per line so that earlier lines are never touched and concurrent writers never interleave.
 */
public final class AuditLog {
    public static final String FILE_NAME = "actions.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One decision; {@code action}, {@code arguments} and {@code risk} are null when nothing was chosen. */
    public record Entry(Instant time, String utterance, Decision.Route route, String action, ObjectNode arguments,
                        Risk risk, boolean confirmed, Outcome.Status status, String reply) {
        public Entry {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(utterance, "utterance");
            Objects.requireNonNull(route, "route");
            Objects.requireNonNull(reply, "reply");
        }

        /** A plan that was executed (or held back for confirmation) and what came of it. */
        public static Entry of(String utterance, Decision.Route route, Plan plan, boolean confirmed,
                               Outcome outcome) {
            return new Entry(Instant.now(), utterance, route, plan.action().name(), plan.arguments().toJson(),
                    plan.risk(), confirmed, outcome.status(), outcome.reply());
        }

        /** An utterance that led to no action: a spoken answer, or the reason nothing could be done. */
        public static Entry withoutAction(String utterance, Decision.Route route, String reply) {
            return new Entry(Instant.now(), utterance, route, null, null, null, false, null, reply);
        }
    }

    private final Path file;

    private AuditLog(Path file) {
        this.file = file;
    }

    /** The log in {@code directory}, which is created when missing. */
    public static AuditLog in(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        try {
            Files.createDirectories(directory);
            if (!Files.isWritable(directory) || (Files.exists(file) && !Files.isWritable(file))) {
                throw new IOException("permission denied");
            }
        } catch (IOException e) {
            throw unwritable(file, e);
        }
        return new AuditLog(file);
    }

    public Path file() {
        return file;
    }

    public synchronized void record(Entry entry) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((toJson(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw unwritable(file, e);
        }
    }

    static String toJson(Entry entry) {
        ObjectNode json = JSON.createObjectNode()
                .put("time", DateTimeFormatter.ISO_INSTANT.format(entry.time()))
                .put("utterance", entry.utterance())
                .put("route", entry.route().id())
                .put("action", entry.action());
        json.set("arguments", entry.arguments());
        json.put("risk", entry.risk() == null ? null : entry.risk().id())
                .put("confirmed", entry.confirmed());
        json.putObject("result")
                .put("status", entry.status() == null ? null : entry.status().name().toLowerCase(Locale.ROOT))
                .put("reply", entry.reply());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IOException unwritable(Path file, IOException cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
            reason = "a file is in the way of the folder " + cause.getMessage();
        }
        return new IOException("cannot write the action log " + file + " (" + reason + "); make its folder writable"
                + " or choose another folder", cause);
    }
}
