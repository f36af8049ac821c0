package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.rag.answer.ExtractiveAnswer;
import dev.mynah.rag.answer.Source;
import dev.mynah.rag.index.Retrieval;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code mynah ask "QUESTION"}: an answer from the indexed documents, citing the file and page of each sentence. */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Answer a question from the indexed documents. For now the answer is extractive: the "
                + "sentences of the best passages that match the question, each cited as [n], then the sources. "
                + "Document text is only quoted, never acted on.")
final class AskCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "QUESTION", description = "The question, in quotes.")
    String question;

    @Option(names = "--k", paramLabel = "N", defaultValue = "5",
            description = "How many passages to answer from (default: 5).")
    int k;

    @Option(names = "--json", description = "Print one JSON object with question, answer, found and citations "
            + "(n, path, page or null, heading (the innermost, or null), headings, start, end).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (k < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--k must be at least 1, not " + k);
        }
        if (question.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the question is empty; ask something about your documents, in quotes");
        }
        ExtractiveAnswer answer;
        try (DocumentLibrary library = DocumentLibrary.openExisting(AppDirectories.forUser())) {
            answer = ExtractiveAnswer.from(question, library.searcher().search(question, k, Retrieval.HYBRID));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json ? JSON.writeValueAsString(toJson(answer)) : text(answer));
        out.flush();
        return 0;
    }

    private ObjectNode toJson(ExtractiveAnswer answer) {
        ObjectNode out = JSON.createObjectNode().put("question", question).put("answer", answer.text())
                .put("found", answer.found());
        ArrayNode citations = out.putArray("citations");
        for (Source source : answer.sources()) {
            SearchCommand.putLocation(citations.addObject().put("n", source.number()), source.hit());
        }
        return out;
    }

    private static String text(ExtractiveAnswer answer) {
        StringBuilder text = new StringBuilder(answer.text());
        if (answer.found()) {
            text.append("\n\nSources:");
            answer.sources().forEach(source -> text.append("\n[").append(source.number()).append("] ")
                    .append(source.label()));
        }
        return text.toString();
    }
}
