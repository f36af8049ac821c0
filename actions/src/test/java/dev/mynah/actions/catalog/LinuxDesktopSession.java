package dev.mynah.actions.catalog;

import java.awt.Frame;
import java.awt.TextArea;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real X display for tests: an Xvfb server on a display number it picks itself (so parallel builds never
 * collide), and a text window in a child JVM that reports every change to what was typed into it.
 */
final class LinuxDesktopSession implements AutoCloseable {
    /** Long enough for a loaded two-core machine; a test only waits this long when it is going to fail. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final Process xvfb;
    private final String display;

    private LinuxDesktopSession(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    static LinuxDesktopSession start() throws IOException {
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "800x600x24")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("Xvfb is needed for the clipboard and typing tests: apt-get install xvfb", e);
        }
        String number = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (number == null) {
            xvfb.destroy();
            throw new IOException("Xvfb exited without choosing a display");
        }
        return new LinuxDesktopSession(xvfb, ":" + number.strip());
    }

    /** What a process needs to reach this display. */
    Map<String, String> environment() {
        return Map.of("DISPLAY", display);
    }

    /** Opens a focused text window on this display. */
    TextWindow openTextWindow() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dstdout.encoding=UTF-8", "-cp",
                System.getProperty("java.class.path"), TextWindow.class.getName()).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().putAll(environment());
        TextWindow window = new TextWindow(builder.start());
        window.awaitFocus();
        return window;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        xvfb.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * A window with one text area. Run as a program (in a child JVM on the test display) it prints
     * {@code FOCUSED} once it can receive keys and {@code TEXT <content>} after every change, with backslashes
     * and line breaks escaped so that each report is one line.
     */
    static final class TextWindow implements AutoCloseable {
        private final Process process;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        private TextWindow(Process process) {
            this.process = process;
            Thread.ofVirtual().start(() -> {
                try (BufferedReader reader = process.inputReader(StandardCharsets.UTF_8)) {
                    reader.lines().forEach(lines::add);
                } catch (IOException closed) {
                    // the window was closed
                }
            });
        }

        public static void main(String[] args) {
            Frame frame = new Frame("Mynah typing target");
            TextArea area = new TextArea(5, 40);
            frame.add(area);
            frame.pack();
            area.addTextListener(e -> report("TEXT " + area.getText().replace("\\", "\\\\").replace("\n", "\\n")));
            area.addFocusListener(new FocusAdapter() {
                @Override
                public void focusGained(FocusEvent e) {
                    report("FOCUSED");
                }
            });
            frame.setVisible(true);
            frame.toFront();
            area.requestFocus();
        }

        private static void report(String line) {
            System.out.println(line);
            System.out.flush();
        }

        private void awaitFocus() throws InterruptedException, IOException {
            String line = lines.poll(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (!"FOCUSED".equals(line)) {
                throw new IOException("the test window did not get the keyboard focus (it said " + line + ")");
            }
        }

        /** The window's text once it equals {@code expected}, or the last text it had when patience ran out. */
        String awaitText(String expected) throws InterruptedException {
            Instant deadline = Instant.now().plus(PATIENCE);
            String text = "";
            while (!text.equals(expected) && Instant.now().isBefore(deadline)) {
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line != null && line.startsWith("TEXT ")) {
                    text = unescape(line.substring(5));
                }
            }
            return text;
        }

        private static String unescape(String line) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    out.append(line.charAt(++i) == 'n' ? '\n' : line.charAt(i));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        @Override
        public void close() {
            process.destroy();
        }
    }
}
