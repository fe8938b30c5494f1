package com.voxanne.ops.files;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one store (the settings, the cached setup) could not keep on this computer (a full disk, a
 * read-only or missing folder): the last sentence, told once to whoever shows it. The store keeps
 * working without the file; nothing here stops anything.
 */
public final class StorageProblem {

    private String last;
    private Consumer<String> listener = sentence -> { };

    /** Called by the store when a write failed; a sentence already told is not told again. */
    public synchronized void report(String sentence) {
        if (!sentence.equals(last)) {
            last = sentence;
            listener.accept(sentence);
        }
    }

    public synchronized Optional<String> last() {
        return Optional.ofNullable(last);
    }

    /** Who is told from now on; told at once of a problem that came before. Replaces the previous listener. */
    public synchronized void tell(Consumer<String> listener) {
        this.listener = listener;
        if (last != null) {
            listener.accept(last);
        }
    }
}
