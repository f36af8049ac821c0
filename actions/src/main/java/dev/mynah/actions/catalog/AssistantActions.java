package dev.mynah.actions.catalog;

import dev.mynah.actions.Action;
import dev.mynah.actions.ArgumentSchema;
import dev.mynah.actions.AssistantHooks;
import dev.mynah.actions.Step;

import java.util.List;

/** The assistant's own actions: stop talking, say that again, what can you do, ask my documents. */
final class AssistantActions {
    /** Groups, not the whole catalogue: a spoken answer has to be short enough to listen to. */
    static final String CAPABILITIES = "I can open, switch and quit apps and arrange windows; change the volume,"
            + " brightness, dark mode, Wi-Fi and Bluetooth; control music; search the web and open websites; make"
            + " notes, reminders, calendar events and timers; use the clipboard; find and open files; send messages"
            + " and emails after you confirm; tell you the time anywhere, do sums and convert units; and answer"
            + " questions from your documents.";

    private AssistantActions() {
    }

    static List<Action> actions(AssistantHooks hooks) {
        return List.of(
                Action.named("stop")
                        .description("Stop talking or stop what the assistant is doing right now.")
                        .everywhere(a -> Step.inProcess("stop speech and generation",
                                () -> hooks.stop() ? "Stopped." : "Nothing to stop."))
                        .reply("{result}")
                        .build(),
                Action.named("repeat")
                        .description("Say the assistant's last answer again.")
                        .everywhere(a -> Step.inProcess("recall the last reply", () -> {
                            String last = hooks.lastReply();
                            return last == null || last.isBlank() ? "I haven't said anything yet." : last;
                        }))
                        .reply("{result}")
                        .build(),
                Action.named("list_capabilities")
                        .description("Say briefly what the assistant can do.")
                        .everywhere(a -> Step.inProcess("summarise what Mynah can do", () -> CAPABILITIES))
                        .reply("{result}")
                        .build(),
                Action.named("ask_documents")
                        .description("Answer a question from the user's own indexed documents, with sources.")
                        .arguments(ArgumentSchema.builder()
                                .text("question", "Question about the user's documents", true)
                                .build())
                        .everywhere(a -> Step.inProcess("search the documents for " + a.text("question"),
                                () -> hooks.askDocuments(a.text("question"))))
                        .reply("{result}")
                        .build());
    }
}
