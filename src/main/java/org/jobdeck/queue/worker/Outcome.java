package org.jobdeck.queue.worker;

/** How one attempt of a handler ended. */
record Outcome(boolean succeeded, String error, boolean permanent) {
    static Outcome success() {
        return new Outcome(true, null, false);
    }

    static Outcome failure(String error) {
        return new Outcome(false, error, false);
    }

    static Outcome permanentFailure(String error) {
        return new Outcome(false, error, true);
    }
}
