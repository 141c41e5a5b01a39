package org.apigate.gateway.aggregate.entity;

/**
 * What one branch of a composition came to: a value, or the error that took its place. Neither, for a branch that
 * was not asked because what it depends on failed (the stock of unknown orders).
 */
public record Outcome<T>(T value, BranchError error) {

    public static <T> Outcome<T> of(T value) {
        return new Outcome<>(value, null);
    }

    public static <T> Outcome<T> failed(BranchError error) {
        return new Outcome<>(null, error);
    }

    public static <T> Outcome<T> notAsked() {
        return new Outcome<>(null, null);
    }

    public boolean succeeded() {
        return value != null;
    }

    /** The same error for another type of value, e.g. a reply's failure as the failure of the part it was for. */
    public <U> Outcome<U> asFailure() {
        return failed(error);
    }
}
