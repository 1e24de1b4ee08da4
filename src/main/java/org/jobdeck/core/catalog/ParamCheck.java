package org.jobdeck.core.catalog;

/**
 * The outcome of checking one param value: the value as it will be stored, or what is wrong with
 * it as a phrase that completes "param 'batchSize' …" ({@code must be at least 1, got 0}).
 * Callers add the job and the key, so the same phrase serves the CLI, REST and the console.
 *
 * @param value   the accepted value (normalised: a whole number is a Long), or null when refused
 * @param problem null when accepted
 */
public record ParamCheck(Object value, String problem) {

    static ParamCheck accepted(Object value) {
        return new ParamCheck(value, null);
    }

    static ParamCheck refused(String problem) {
        return new ParamCheck(null, problem);
    }

    public boolean isAccepted() {
        return problem == null;
    }
}
