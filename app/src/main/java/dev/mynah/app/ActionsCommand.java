package dev.mynah.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mynah.actions.Action;
import dev.mynah.actions.AssistantHooks;
import dev.mynah.actions.Os;
import dev.mynah.actions.catalog.BuiltInActions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;

/** {@code mynah actions}: what Mynah can do on this computer. */
@Command(name = "actions", mixinStandardHelpOptions = true,
        description = "Show the actions Mynah can run.",
        subcommands = ActionsCommand.ListCommand.class)
final class ActionsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code mynah actions list}: every action with its risk and the desktops it runs on. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every action with its risk level and the platforms it runs on.")
    static final class ListCommand implements Callable<Integer> {
        @Option(names = "--json", description = "Print a JSON array of objects with name, description, risk, "
                + "platforms and arguments (the JSON schema).")
        boolean json;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            var actions = BuiltInActions.registry(AssistantHooks.NONE).actions();
            if (json) {
                ObjectMapper mapper = new ObjectMapper();
                ArrayNode array = mapper.createArrayNode();
                for (Action action : actions) {
                    ObjectNode entry = array.addObject().put("name", action.name())
                            .put("description", action.description()).put("risk", action.risk().id());
                    ArrayNode platforms = entry.putArray("platforms");
                    Arrays.stream(Os.values()).filter(action::runsOn).forEach(os -> platforms.add(os.id()));
                    entry.set("arguments", action.arguments().jsonSchema());
                }
                out.println(mapper.writeValueAsString(array));
                return 0;
            }
            int width = actions.stream().mapToInt(a -> a.name().length()).max().orElse(10);
            for (Action action : actions) {
                String platforms = String.join(",", Arrays.stream(Os.values()).filter(action::runsOn)
                        .map(Os::id).toList());
                out.printf("%-" + width + "s  %-14s  %-11s  %s%n", action.name(), action.risk().id(),
                        platforms.isEmpty() ? "-" : platforms, action.description());
            }
            out.printf("%d actions%n", actions.size());
            return 0;
        }
    }
}
