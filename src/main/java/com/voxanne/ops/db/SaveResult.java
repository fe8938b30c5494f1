package com.voxanne.ops.db;

/**
 * What a write that stated the version it saw came to. Nothing is ever overwritten silently:
 * if someone else saved in between, the write does nothing and {@link Conflict} carries their version.
 */
public sealed interface SaveResult<T> {

    record Saved<T>(T now) implements SaveResult<T> {
    }

    /** Someone else saved first; {@code now} is their version, to reload. */
    record Conflict<T>(T now) implements SaveResult<T> {
    }

    record Gone<T>() implements SaveResult<T> {
    }

    /** The row is as the person saw it, yet the database changed nothing: their rights do not cover it. */
    record Refused<T>() implements SaveResult<T> {
    }

    /** The sentence a person reads for anything but a save; {@code thing} names what was edited ("contact"). */
    default String sentence(String thing) {
        if (this instanceof Saved) {
            return "Saved.";
        }
        if (this instanceof Conflict) {
            return "Someone else changed this " + thing + " after you opened it. Nothing was overwritten: "
                    + "reload to see their version, then make your change again.";
        }
        if (this instanceof Gone) {
            return "This " + thing + " no longer exists.";
        }
        return "The database did not let you change this " + thing + ".";
    }
}
