package com.voxanne.ops.cli;

import com.voxanne.ops.db.ConsoleDatabase;
import com.voxanne.ops.quality.OfflineEvaluations;
import com.voxanne.ops.quality.ReviewImport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * `review import FILE.voxbundle`: the evaluations made offline beside a bundle
 * (FILE.voxbundle.evaluations.json, signed by the reviewer's installation key) go to the server,
 * as --user under row-level security. A second import adds nothing; a refused evaluation is one
 * line on stderr, and the exit code is then 1 (the others are imported all the same).
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports the evaluations made offline beside a bundle (FILE.voxbundle.evaluations.json) to the server.",
            "Runs as --user, so row-level security decides which calls may be evaluated; importing twice adds nothing."})
final class ReviewImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ServerOptions server = new ServerOptions();

    @Parameters(index = "0", paramLabel = "FILE.voxbundle", description = "The bundle the evaluations were made in.")
    Path bundle;

    @Override
    public Integer call() throws Exception {
        OfflineEvaluations.Signed signed = OfflineEvaluations.read(bundle);
        var settings = server.settings();
        char[] password = PasswordSource.forUser(settings.user());
        try (ConsoleDatabase db = ConsoleDatabase.open(settings, password, "review-import")) {
            ReviewImport.Outcome outcome = new ReviewImport(db.jdbi()).run(signed);
            PrintWriter err = spec.commandLine().getErr();
            outcome.refused().forEach(err::println);
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println(outcome.summary() + " Signed by the installation key " + signed.signerFingerprint() + ".");
            out.flush();
            return outcome.refused().isEmpty() ? 0 : 1;
        }
    }
}
