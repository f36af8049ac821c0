package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.ActionExecutor;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.AssistantHooks;
import dev.mynah.actions.AuditLog;
import dev.mynah.actions.CommandRouter;
import dev.mynah.actions.Decision;
import dev.mynah.actions.InstalledApps;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.Plan;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Step;
import dev.mynah.actions.catalog.BuiltInActions;
import dev.mynah.actions.config.ActionsConfig;
import dev.mynah.actions.llm.LlmAnswer;
import dev.mynah.actions.llm.LlmRouter;
import dev.mynah.actions.llm.ToolCallGrammar;
import dev.mynah.actions.route.FastPathRouter;
import dev.mynah.nativelibs.llama.ContextOptions;
import dev.mynah.nativelibs.llama.LlamaModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code mynah act "UTTERANCE"}: understand a command, then run it or show what would run. */
@Command(name = "act", mixinStandardHelpOptions = true,
        description = "Understand a spoken or typed command and run the action it names. The fast path "
                + "recognises common English and Chinese commands without a model; anything else goes to the "
                + "language model when one is installed.")
final class ActCommand implements Callable<Integer> {
    /** The apps a stock Mac has, used to route a dry run for macOS on another desktop. */
    private static final List<String> REFERENCE_MAC_APPS = List.of("Safari", "Mail", "Music", "Notes", "Calendar",
            "Messages", "FaceTime", "Finder", "Terminal", "System Settings", "Photos", "Maps", "Reminders",
            "TextEdit", "Preview", "Podcasts", "App Store", "Activity Monitor", "Google Chrome", "Firefox",
            "Spotify", "Slack", "Visual Studio Code", "Xcode", "zoom.us");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(arity = "0..1", paramLabel = "UTTERANCE", description = "What you would say, in quotes.")
    String utterance;

    @Option(names = "--dry-run", description = "Decide and show the command, but run nothing.")
    boolean dryRun;

    @Option(names = "--json", description = "Print one JSON object per utterance with route, action, args, risk "
            + "and command (the exact argv, with the AppleScript source in applescript).")
    boolean json;

    @Option(names = "--platform", paramLabel = "macos|linux", description = "With --dry-run: show the command "
            + "for this platform instead of this computer's.")
    String platform;

    @Option(names = "--stdin", description = "Read one utterance per line from standard input.")
    boolean stdin;

    @Option(names = "--yes", description = "Confirm destructive and outward-facing actions up front; without it "
            + "they are only described.")
    boolean yes;

    @Option(names = "--model", paramLabel = "FILE", description = "Qwen3 GGUF for commands the fast path does "
            + "not know (default: the catalogue's language model when installed; otherwise the fast path only).")
    Path model;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Os host = Os.current();
        Os os = platform == null ? host : Os.fromId(platform);
        if (os != host && !dryRun) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--platform " + os.id() + " only works with --dry-run on this computer");
        }
        if ((utterance == null) == !stdin) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give one UTTERANCE or --stdin");
        }
        AppDirectories dirs = AppDirectories.forUser();
        ActionRegistry builtIns = BuiltInActions.registry(AssistantHooks.NONE);
        ActionsConfig config = ActionsConfig.load(dirs.config().resolve(ActionsConfig.FILE_NAME), builtIns);
        PrintWriter err = spec.commandLine().getErr();
        config.problems().forEach(problem -> err.println("mynah: actions.json: " + problem));
        ActionRegistry registry = config.apply(builtIns);
        InstalledApps apps = os == host ? InstalledApps.scan(os) : InstalledApps.of(REFERENCE_MAC_APPS.stream()
                .map(name -> new InstalledApps.App(name, "/Applications/" + name + ".app")).toList());
        FastPathRouter fastPath = new FastPathRouter(apps, Clock.systemDefaultZone());
        config.phrases().forEach((action, phrases) -> phrases.forEach(p -> fastPath.addPhrase(action, p)));
        AuditLog audit = dryRun ? null : AuditLog.in(dirs.audit());
        ActionExecutor executor = new ActionExecutor(new ProcessRunner());
        try (LazyLlm llm = new LazyLlm(languageModel(dirs), registry, os)) {
            CommandRouter router = new CommandRouter(registry, fastPath, os, llm.available() ? llm::route : null);
            if (!stdin) {
                return handle(utterance, router, executor, audit);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                handle(line, router, executor, audit);
            }
            return 0;
        }
    }

    private int handle(String said, CommandRouter router, ActionExecutor executor, AuditLog audit)
            throws IOException {
        Decision decision = router.decide(said);
        ObjectNode out = JSON.createObjectNode().put("utterance", said).put("route", decision.route().id())
                .put("action", decision.action());
        boolean failed = false;
        StringBuilder spoken = new StringBuilder(decision.reply() == null ? "" : decision.reply());
        ArrayNode calls = JSON.createArrayNode();
        if (decision.plans().isEmpty()) {
            out.putObject("args");
            out.putNull("risk");
            out.putNull("command");
            out.put("status", decision.route() == Decision.Route.LLM && decision.reply() != null ? "answered"
                    : "no-action");
            if (audit != null) {
                audit.record(AuditLog.Entry.withoutAction(said, decision.route(), decision.reply()));
            }
        }
        for (Plan plan : decision.plans()) {
            ObjectNode call = describe(plan);
            if (dryRun) {
                call.put("status", "dry-run");
                if (plan.confirmationPrompt() != null) {
                    call.put("confirmation", plan.confirmationPrompt());
                }
            } else {
                Outcome outcome = executor.execute(plan, yes);
                call.put("status", outcome.status().name().toLowerCase().replace('_', '-'))
                        .put("reply", outcome.reply());
                failed |= outcome.status() == Outcome.Status.FAILED
                        || outcome.status() == Outcome.Status.NOT_AVAILABLE;
                spoken.append(spoken.isEmpty() ? "" : " ").append(outcome.reply());
                audit.record(AuditLog.Entry.of(said, decision.route(), plan, yes, outcome));
            }
            calls.add(call);
        }
        if (!calls.isEmpty()) {
            out.setAll((ObjectNode) calls.get(0));
            if (calls.size() > 1) {
                out.set("calls", calls);
            }
        }
        out.put("reply", spoken.toString());
        PrintWriter printer = spec.commandLine().getOut();
        if (json) {
            printer.println(JSON.writeValueAsString(out));
        } else {
            printer.println(text(out));
        }
        printer.flush();
        return failed ? 1 : 0;
    }

    private static ObjectNode describe(Plan plan) {
        ObjectNode call = JSON.createObjectNode().put("action", plan.action().name());
        call.set("args", plan.arguments().toJson());
        call.put("risk", plan.risk().id()).put("platform", plan.os().id());
        ArrayNode commands = JSON.createArrayNode();
        String appleScript = null;
        for (Step step : plan.steps()) {
            if (step instanceof Step.InProcess work) {
                commands.add("in-process: " + work.description());
            } else {
                ArrayNode argv = commands.addArray();
                step.argv().forEach(argv::add);
            }
            if (step instanceof Step.AppleScript script && appleScript == null) {
                appleScript = script.source();
            }
        }
        if (!plan.available()) {
            call.putNull("command");
            call.put("error", plan.unavailableReason());
        } else {
            call.set("command", commands.size() == 1 ? commands.get(0) : commands);
        }
        call.put("applescript", appleScript);
        return call;
    }

    private static String text(ObjectNode out) {
        StringBuilder text = new StringBuilder();
        text.append(out.path("route").asText()).append(": ")
                .append(out.path("action").isNull() ? "no action" : out.path("action").asText());
        if (out.path("args").size() > 0) {
            text.append(' ').append(out.get("args"));
        }
        if (!out.path("command").isMissingNode() && !out.path("command").isNull()) {
            text.append("\n  command: ").append(out.get("command"));
        }
        if (out.has("confirmation")) {
            text.append("\n  asks first: ").append(out.get("confirmation").asText());
        }
        String reply = out.path("reply").asText("");
        if (!reply.isEmpty()) {
            text.append("\n  ").append(reply);
        }
        if ("needs-confirmation".equals(out.path("status").asText())) {
            text.append("\n  (run again with --yes to confirm)");
        }
        return text.toString();
    }

    private Path languageModel(AppDirectories dirs) {
        if (model != null) {
            if (!Files.isRegularFile(model)) {
                throw new IllegalArgumentException("no model file at " + model);
            }
            return model;
        }
        try {
            return ModelCatalog.bundled().installedDefault("llm", dirs, "pass --model FILE");
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Loads the language model only when the fast path first needs it, and closes it at the end. */
    private static final class LazyLlm implements AutoCloseable {
        private final Path file;
        private final ActionRegistry registry;
        private final Os os;
        private LlamaModel model;
        private LlmRouter router;

        LazyLlm(Path file, ActionRegistry registry, Os os) {
            this.file = file;
            this.registry = registry;
            this.os = os;
        }

        boolean available() {
            return file != null;
        }

        LlmAnswer route(String utterance) {
            if (router == null) {
                try {
                    model = LlamaModel.load(file);
                } catch (Exception e) {
                    return new LlmAnswer.Unusable("the language model at " + file + " could not be loaded: "
                            + e.getMessage());
                }
                // The tools take about 6,500 tokens of the prompt; the rest leaves room for three long calls.
                int contextSize = Math.min(16384, model.info().trainedContextLength());
                router = new LlmRouter(model, registry, os, ToolCallGrammar.Answers.CALLS_OR_SPEECH,
                        ContextOptions.chat(contextSize));
            }
            return router.route(utterance);
        }

        @Override
        public void close() {
            if (router != null) {
                router.close();
            }
            if (model != null) {
                model.close();
            }
        }
    }
}
