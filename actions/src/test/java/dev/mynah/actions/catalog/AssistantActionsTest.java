package dev.mynah.actions.catalog;

import dev.mynah.actions.ActionFailedException;
import dev.mynah.actions.AssistantHooks;
import dev.mynah.actions.Os;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.mynah.actions.catalog.CatalogFixtures.args;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssistantActionsTest {
    /** An assistant in a known state: speaking or not, with a last reply or none, answering from one document. */
    private static final class Assistant implements AssistantHooks {
        private boolean speaking;
        private final String lastReply;
        private final List<String> questions = new ArrayList<>();

        Assistant(boolean speaking, String lastReply) {
            this.speaking = speaking;
            this.lastReply = lastReply;
        }

        @Override
        public boolean stop() {
            boolean was = speaking;
            speaking = false;
            return was;
        }

        @Override
        public String lastReply() {
            return lastReply;
        }

        @Override
        public String askDocuments(String question) {
            questions.add(question);
            return "The lease ends on 31 May 2027 [lease.pdf, page 2].";
        }
    }

    private static String reply(AssistantHooks hooks, String action, Object... arguments) {
        return CatalogFixtures.of(AssistantActions.actions(hooks)).execute(action, args(arguments), Os.LINUX,
                false).reply();
    }

    @Test
    void actionsMatchTheCatalogue() {
        assertEquals(List.of("stop read-only", "repeat read-only", "list_capabilities read-only",
                        "ask_documents read-only question:text(200)"),
                AssistantActions.actions(AssistantHooks.NONE).stream().map(ProductivityActionsTest::signature)
                        .toList());
    }

    @Test
    void stopSaysWhetherAnythingWasStopped() {
        Assistant assistant = new Assistant(true, null);
        assertEquals("Stopped.", reply(assistant, "stop"));
        assertEquals("Nothing to stop.", reply(assistant, "stop"));
    }

    @Test
    void repeatSaysTheLastReplyAgain() {
        assertEquals("It's 3:05 PM.", reply(new Assistant(false, "It's 3:05 PM."), "repeat"));
        assertEquals("I haven't said anything yet.", reply(new Assistant(false, null), "repeat"));
    }

    @Test
    void capabilitiesAreASummaryByGroupNotTheWholeCatalogue() {
        String summary = reply(AssistantHooks.NONE, "list_capabilities");
        assertEquals(AssistantActions.CAPABILITIES, summary);
        for (String group : List.of("apps", "volume", "music", "web", "reminders", "files", "emails", "convert",
                "documents")) {
            assertTrue(summary.contains(group), group);
        }
        assertTrue(!summary.contains("_"), "no action names: " + summary);
    }

    @Test
    void documentQuestionsGoToTheAssistantsIndex() {
        Assistant assistant = new Assistant(false, null);
        assertEquals("The lease ends on 31 May 2027 [lease.pdf, page 2].",
                reply(assistant, "ask_documents", "question", "When does my lease end?"));
        assertEquals(List.of("When does my lease end?"), assistant.questions);
    }

    @Test
    void documentQuestionsWithoutAnIndexSayHowToAddOne() throws ActionFailedException {
        assertEquals("That didn't work: no documents are indexed yet; add a folder with mynah index add.",
                reply(AssistantHooks.NONE, "ask_documents", "question", "When does my lease end?"));
    }
}
