package dev.mynah.actions;

/**
 * What the assistant's own actions (stop, repeat, what can you do, ask my documents) need from the assistant
 * around them. The command line has no speech in progress and no document index yet, so it uses {@link #NONE}.
 */
public interface AssistantHooks {
    /** Stops speech and generation in progress; returns whether anything was running. */
    boolean stop();

    /** The last thing the assistant said, or null. */
    String lastReply();

    /** Answers a question from the user's documents, with citations. */
    String askDocuments(String question) throws ActionFailedException;

    AssistantHooks NONE = new AssistantHooks() {
        @Override
        public boolean stop() {
            return false;
        }

        @Override
        public String lastReply() {
            return null;
        }

        @Override
        public String askDocuments(String question) throws ActionFailedException {
            throw new ActionFailedException("no documents are indexed yet; add a folder with mynah index add");
        }
    };
}
