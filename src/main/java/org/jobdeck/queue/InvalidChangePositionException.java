package org.jobdeck.queue;

/**
 * A position in the change feed that this database cannot have given out: not one of its
 * positions at all, or one from the future. A client's mistake, not the database's.
 */
public final class InvalidChangePositionException extends QueueException {
    public InvalidChangePositionException(String position, String why) {
        super("Not a change position of this server: '" + abbreviate(position) + "' (" + why + ")");
    }

    private static String abbreviate(String position) {
        String printable = position.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 80 ? printable : printable.substring(0, 77) + "...";
    }
}
