package com.voxanne.ops.cli;

import com.voxanne.ops.base.UserFacingException;
import com.voxanne.ops.offline.ReviewNotes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** `notes FILE --csv OUT`: the reviewer notes kept beside a bundle, as a spreadsheet, without opening the console. */
@Command(name = "notes", mixinStandardHelpOptions = true,
        description = {"Exports the reviewer notes saved beside a .voxbundle as CSV.",
            "The notes are in FILE.notes.json; the CSV has one row per noted call, with its time, caller and numbers from the bundle."})
final class NotesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The bundle the notes belong to.")
    Path bundle;

    @Option(names = "--csv", paramLabel = "OUT", required = true, description = "Where to write the CSV (replaced atomically).")
    Path out;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(bundle)) {
            throw new UserFacingException("There is no bundle " + bundle + ".");
        }
        if (!Files.exists(ReviewNotes.besideBundle(bundle))) {
            throw new UserFacingException("There are no notes beside " + bundle.getFileName() + " (expected "
                    + ReviewNotes.besideBundle(bundle).getFileName() + ").");
        }
        int rows = ReviewNotes.load(bundle).exportCsv(out);
        spec.commandLine().getOut().printf("Exported %,d note%s to %s.%n", rows, rows == 1 ? "" : "s", out);
        return 0;
    }
}
