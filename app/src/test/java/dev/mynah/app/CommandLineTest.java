package dev.mynah.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @Test
    void doctorLoadsEveryEngineAndReportsVersionsAndCpuFeatures() {
        MynahCli.Run run = MynahCli.run("doctor");

        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("llama.cpp     loaded, @node-llama-cpp/"), run.out());
        assertTrue(run.out().contains("whisper.cpp   loaded"), run.out());
        assertTrue(run.out().contains("version 1.9.1"), run.out());
        assertTrue(run.out().contains("sherpa-onnx   loaded, sherpa-onnx-"), run.out());
        assertTrue(run.out().contains("version 1.13.8"), run.out());
        assertTrue(run.out().lines().filter(l -> l.contains("CPU : ") && l.contains("SSE3") || l.contains("NEON"))
                .count() >= 2, "llama.cpp and whisper.cpp each report their CPU features:\n" + run.out());
        assertTrue(run.out().contains("Native access enabled"), run.out());
        assertTrue(run.out().contains("catalogue models present"), run.out());
    }

    @Test
    void unknownCommandsFailWithUsage() {
        MynahCli.Run run = MynahCli.run("fly");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Unmatched argument"), run.err());
    }

    @Test
    void theReadmeDocumentsEveryCommandAndOption() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        CommandLine root = Main.commandLine();
        root.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) {
                return;
            }
            documented(readme, sub, "mynah " + name);
        });
    }

    private static void documented(String readme, CommandLine command, String path) {
        if (command.getSubcommands().isEmpty() || !command.getCommandSpec().options().stream()
                .allMatch(o -> o.usageHelp() || o.versionHelp())) {
            assertTrue(readme.contains("`" + path), "README does not show " + path);
        }
        for (CommandLine.Model.OptionSpec option : command.getCommandSpec().options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                assertTrue(readme.contains(option.longestName()), "README does not mention " + path + " "
                        + option.longestName());
            }
        }
        command.getSubcommands().forEach((name, sub) -> documented(readme, sub, path + " " + name));
    }
}
