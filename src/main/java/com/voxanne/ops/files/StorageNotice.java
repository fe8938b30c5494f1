package com.voxanne.ops.files;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What the console could not keep on this computer (a full disk, a read-only or missing folder):
 * one sentence, said once, to whoever listens (the main window shows it under the header). The
 * console keeps working without what it could not keep; nothing here stops anything.
 */
public final class StorageNotice {

    private static final List<Consumer<String>> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile String last;

    private StorageNotice() {
    }

    /** Reports a problem; the first of each sentence reaches the listeners. */
    public static void report(String sentence) {
        if (sentence.equals(last)) {
            return;
        }
        last = sentence;
        LISTENERS.forEach(l -> l.accept(sentence));
    }

    /** The last problem reported, for a window that opens after it. */
    public static Optional<String> last() {
        return Optional.ofNullable(last);
    }

    /** Forgets the last problem, so the next one is said again (a test starting afresh). */
    public static void clear() {
        last = null;
    }

    /** @return what removes the listener again */
    public static Runnable listen(Consumer<String> listener) {
        LISTENERS.add(listener);
        return () -> LISTENERS.remove(listener);
    }
}
