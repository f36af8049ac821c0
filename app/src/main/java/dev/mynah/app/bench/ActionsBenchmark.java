package dev.mynah.app.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mynah.actions.Action;
import dev.mynah.actions.ActionExecutor;
import dev.mynah.actions.ActionRegistry;
import dev.mynah.actions.InstalledApps;
import dev.mynah.actions.Os;
import dev.mynah.actions.Outcome;
import dev.mynah.actions.Plan;
import dev.mynah.actions.ProcessRunner;
import dev.mynah.actions.Step;
import dev.mynah.actions.route.FastPathResult;
import dev.mynah.actions.route.FastPathRouter;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times the fast path over a few thousand varied utterances (English and Chinese, commands, near misses,
 * chit-chat and the odd 10 kB paste), and the time from a decided plan to its process having started.
 */
public final class ActionsBenchmark {
    private static final List<String> APPS = List.of("Safari", "Mail", "Music", "Notes", "Calendar", "Messages",
            "Finder", "Terminal", "Google Chrome", "Firefox", "Spotify", "Slack", "Visual Studio Code", "Preview");
    private static final String[] ENGLISH = {
        "open %app", "quit %app", "switch to %app", "please launch %app", "close the window",
        "set the volume to %n percent", "volume %n", "turn it up", "turn the volume down by %n", "mute",
        "what time is it", "what's the date today", "what time is it in tokyo", "what is %n times %n",
        "calculate %n plus %n divided by %n", "convert %n miles to kilometers", "set a timer for %n minutes",
        "remind me to call mom at 5 pm", "play some jazz", "next song", "pause the music", "what's playing",
        "search the web for %w recipes", "open example.com", "take a screenshot", "lock the screen",
        "how much battery is left", "turn wifi off", "what's my ip address", "empty the trash",
        "type hello %w", "find files named %w", "what can you do", "stop", "say that again",
        "tell me a joke about %w", "what's the capital of france", "write a poem about %w",
        "open the door", "what's the volume of a sphere", "set a reminder about setting the volume to %n",
        "i want to open a restaurant", "how are you today", "hmm", "",
    };
    private static final String[] CHINESE = {
        "打开%app", "关闭%app", "把音量调到百分之%cn", "音量调到%cn", "静音", "现在几点", "今天几号",
        "设置%cn分钟的计时器", "下一首", "暂停", "截屏", "锁屏", "电量还有多少", "关闭无线网络", "停",
        "给我讲个笑话", "今天天气怎么样", "帮我写一首诗",
    };
    private static final String[] CHINESE_NUMBERS = {"五", "十", "二十", "三十五", "五十", "八十", "一百"};

    /** Fast-path routing times in microseconds and the share that matched. */
    public record Routing(int utterances, double p50Micros, double p99Micros, double maxMicros, double matchedShare) {
    }

    /** Times from a decided plan to its process having started, in milliseconds. */
    public record ProcessStart(int runs, double p50Millis, double p99Millis) {
    }

    private ActionsBenchmark() {
    }

    public static List<String> utterances(int count, long seed) {
        Random random = new Random(seed);
        List<String> utterances = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 997 == 996) {
                utterances.add("open " + "a".repeat(10_000));
                continue;
            }
            boolean chinese = random.nextInt(4) == 0;
            String template = chinese ? CHINESE[random.nextInt(CHINESE.length)] : ENGLISH[random.nextInt(ENGLISH.length)];
            StringBuilder text = new StringBuilder(template);
            replaceAll(text, "%app", () -> APPS.get(random.nextInt(APPS.size())));
            replaceAll(text, "%cn", () -> CHINESE_NUMBERS[random.nextInt(CHINESE_NUMBERS.length)]);
            replaceAll(text, "%n", () -> Integer.toString(1 + random.nextInt(99)));
            replaceAll(text, "%w", () -> List.of("pasta", "cats", "taxes", "the sea", "budget").get(random.nextInt(5)));
            utterances.add(text.toString());
        }
        return utterances;
    }

    public static Routing routing(FastPathRouter router, List<String> utterances) {
        for (int warmup = 0; warmup < 3; warmup++) {
            utterances.forEach(router::route);
        }
        double[] micros = new double[utterances.size()];
        int matched = 0;
        for (int i = 0; i < utterances.size(); i++) {
            long start = System.nanoTime();
            FastPathResult result = router.route(utterances.get(i));
            micros[i] = (System.nanoTime() - start) / 1e3;
            matched += result instanceof FastPathResult.Matched ? 1 : 0;
        }
        Arrays.sort(micros);
        return new Routing(utterances.size(), percentile(micros, 50), percentile(micros, 99),
                micros[micros.length - 1], matched / (double) utterances.size());
    }

    public static FastPathRouter router() {
        return new FastPathRouter(InstalledApps.of(APPS.stream()
                .map(name -> new InstalledApps.App(name, "/Applications/" + name + ".app")).toList()),
                Clock.systemDefaultZone());
    }

    /** Plans and executes an action that starts {@code true} and does not wait, {@code runs} times. */
    public static ProcessStart processStart(int runs) {
        Action start = Action.named("start_process").description("Starts a process.")
                .everywhere(a -> Step.spawn("true")).reply("Started.").build();
        ActionRegistry registry = ActionRegistry.of(List.of(start));
        ActionExecutor executor = new ActionExecutor(new ProcessRunner());
        double[] millis = new double[runs];
        for (int i = -5; i < runs; i++) {
            long begin = System.nanoTime();
            Plan plan = registry.plan("start_process", JsonNodeFactory.instance.objectNode(), Os.current());
            Outcome outcome = executor.execute(plan, false);
            double elapsed = (System.nanoTime() - begin) / 1e6;
            if (!outcome.done()) {
                throw new IllegalStateException("could not start a process: " + outcome.reply());
            }
            if (i >= 0) {
                millis[i] = elapsed;
            }
        }
        Arrays.sort(millis);
        return new ProcessStart(runs, percentile(millis, 50), percentile(millis, 99));
    }

    private static double percentile(double[] sorted, double percent) {
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.clamp(index, 0, sorted.length - 1)];
    }

    private static void replaceAll(StringBuilder text, String token, java.util.function.Supplier<String> value) {
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, at)) {
            String replacement = value.get();
            text.replace(at, at + token.length(), replacement);
            at += replacement.length();
        }
    }
}
